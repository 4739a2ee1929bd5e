using RcmlEngine.Sip.Transport;

namespace RcmlEngine.Sip.Registrar;

/// <summary>
/// The location service (RFC 3261 10): the bindings of each client name, in memory, bounded by the
/// number of names and of bindings per name. Each name's bindings are an immutable array ordered
/// for the dialer (q descending, then most recently updated first), replaced whole on every change,
/// so a lookup never sees half an update (RFC 3261 10.3 step 7: all changes of a REGISTER or none).
/// Expired bindings are skipped on lookup and removed on the next write or sweep.
/// </summary>
internal sealed class BindingTable(int maxUsers, int maxBindingsPerUser)
{
    private readonly Dictionary<string, RegistrationBinding[]> _byUser = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Client names holding bindings (some may have expired since the last sweep).</summary>
    public int UserCount
    {
        get
        {
            lock (_lock)
            {
                return _byUser.Count;
            }
        }
    }

    /// <summary>Bindings held (some may have expired since the last sweep).</summary>
    public int BindingCount
    {
        get
        {
            lock (_lock)
            {
                return _byUser.Values.Sum(b => b.Length);
            }
        }
    }

    /// <summary>The current bindings of <paramref name="user"/>, best first; empty when none.</summary>
    public IReadOnlyList<RegistrationBinding> Get(string user, DateTimeOffset now)
    {
        RegistrationBinding[]? bindings;
        lock (_lock)
        {
            _byUser.TryGetValue(user, out bindings);
        }

        if (bindings is null)
        {
            return [];
        }

        foreach (var binding in bindings)
        {
            if (binding.IsExpired(now))
            {
                return Unexpired(bindings, now);
            }
        }

        // The common case: nothing lapsed, so the stored array itself is the answer (no allocation).
        return bindings;
    }

    /// <summary>Applies a REGISTER's changes for <paramref name="user"/> atomically (RFC 3261 10.3 steps 6 and 7).</summary>
    public BindingUpdateResult Apply(string user, RegisterUpdate update, SipRemote source, string? userAgent, DateTimeOffset now)
    {
        var changes = new List<RegistrationChangedEventArgs>();
        lock (_lock)
        {
            var existing = _byUser.GetValueOrDefault(user) ?? [];
            var bindings = new List<RegistrationBinding>(existing.Length + update.Contacts.Count);
            foreach (var binding in existing)
            {
                if (binding.IsExpired(now))
                {
                    changes.Add(new(RegistrationChange.Expired, binding));
                }
                else
                {
                    bindings.Add(binding);
                }
            }

            var before = bindings.Count;
            var outcome = update.RemoveAll ? RemoveAll(update, bindings, changes) : Update(user, update, source, userAgent, now, bindings, changes);
            if (outcome == BindingUpdateOutcome.Applied && bindings.Count > maxBindingsPerUser && bindings.Count > before)
            {
                outcome = BindingUpdateOutcome.TooManyBindings;
            }

            if (outcome == BindingUpdateOutcome.Applied && existing.Length == 0 && bindings.Count > 0 && !HasRoomForUser(now, changes))
            {
                outcome = BindingUpdateOutcome.TooManyUsers;
            }

            if (outcome != BindingUpdateOutcome.Applied)
            {
                // Only what expired on its own stands; the request changed nothing.
                changes.RemoveAll(c => c.Change != RegistrationChange.Expired);
                Store(user, existing.Where(b => !b.IsExpired(now)).ToList());
                return new BindingUpdateResult(outcome, [], changes);
            }

            var stored = Store(user, bindings);
            return new BindingUpdateResult(outcome, stored, changes);
        }
    }

    /// <summary>Removes every expired binding; returns them.</summary>
    public List<RegistrationChangedEventArgs> Sweep(DateTimeOffset now)
    {
        var changes = new List<RegistrationChangedEventArgs>();
        lock (_lock)
        {
            SweepLocked(now, changes);
        }

        return changes;
    }

    private static RegistrationBinding[] Unexpired(RegistrationBinding[] bindings, DateTimeOffset now) => Array.FindAll(bindings, b => !b.IsExpired(now));

    private static BindingUpdateOutcome RemoveAll(RegisterUpdate update, List<RegistrationBinding> bindings, List<RegistrationChangedEventArgs> changes)
    {
        // RFC 3261 10.3 step 6: a binding from the same Call-ID goes only for a higher CSeq, else nothing goes.
        if (bindings.Exists(b => IsStale(b, update)))
        {
            return BindingUpdateOutcome.OutOfOrder;
        }

        changes.AddRange(bindings.Select(b => new RegistrationChangedEventArgs(RegistrationChange.Removed, b)));
        bindings.Clear();
        return BindingUpdateOutcome.Applied;
    }

    private static BindingUpdateOutcome Update(string user, RegisterUpdate update, SipRemote source, string? userAgent, DateTimeOffset now,
        List<RegistrationBinding> bindings, List<RegistrationChangedEventArgs> changes)
    {
        // Bindings this request wrote already: a second Contact naming the same binding is not a reordered request.
        var written = new HashSet<RegistrationBinding>(ReferenceEqualityComparer.Instance);
        foreach (var contact in update.Contacts)
        {
            var index = bindings.FindIndex(contact.Matches);
            if (index >= 0 && !written.Contains(bindings[index]) && IsStale(bindings[index], update))
            {
                return BindingUpdateOutcome.OutOfOrder;
            }

            if (contact.Expires == TimeSpan.Zero)
            {
                if (index >= 0)
                {
                    changes.Add(new(RegistrationChange.Removed, bindings[index]));
                    bindings.RemoveAt(index);
                }

                continue;
            }

            var binding = new RegistrationBinding(user, contact.Contact, source, now + contact.Expires, contact.Q, contact.InstanceId, contact.RegId,
                update.CallId, update.CSeq, now, userAgent);
            written.Add(binding);
            if (index >= 0)
            {
                bindings[index] = binding;
                changes.Add(new(RegistrationChange.Refreshed, binding));
            }
            else
            {
                bindings.Add(binding);
                changes.Add(new(RegistrationChange.Added, binding));
            }
        }

        return BindingUpdateOutcome.Applied;
    }

    /// <summary>RFC 3261 10.3 step 7: same Call-ID and a CSeq not above the stored one.</summary>
    private static bool IsStale(RegistrationBinding binding, RegisterUpdate update) =>
        string.Equals(binding.CallId, update.CallId, StringComparison.Ordinal) && update.CSeq <= binding.CSeq;

    private bool HasRoomForUser(DateTimeOffset now, List<RegistrationChangedEventArgs> changes)
    {
        if (_byUser.Count < maxUsers)
        {
            return true;
        }

        // Full: names whose bindings all lapsed may still be counted, so sweep once before refusing.
        SweepLocked(now, changes);
        return _byUser.Count < maxUsers;
    }

    private RegistrationBinding[] Store(string user, List<RegistrationBinding> bindings)
    {
        if (bindings.Count == 0)
        {
            _byUser.Remove(user);
            return [];
        }

        var array = bindings.OrderByDescending(b => b.Priority).ThenByDescending(b => b.UpdatedAt).ToArray();
        _byUser[user] = array;
        return array;
    }

    private void SweepLocked(DateTimeOffset now, List<RegistrationChangedEventArgs> changes)
    {
        List<string>? emptied = null;
        foreach (var (user, bindings) in _byUser)
        {
            if (!Array.Exists(bindings, b => b.IsExpired(now)))
            {
                continue;
            }

            changes.AddRange(bindings.Where(b => b.IsExpired(now)).Select(b => new RegistrationChangedEventArgs(RegistrationChange.Expired, b)));
            (emptied ??= []).Add(user);
        }

        foreach (var user in emptied ?? [])
        {
            Store(user, _byUser[user].Where(b => !b.IsExpired(now)).ToList());
        }
    }
}
