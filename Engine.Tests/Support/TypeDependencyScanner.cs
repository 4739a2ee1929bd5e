using System.Reflection;
using System.Reflection.Emit;

namespace RcmlEngine.Tests.Support;

/// <summary>
/// Finds which of an assembly's own types each type uses: in its base type, interfaces, member
/// signatures and the tokens of its method bodies (so a dependency hidden inside a method counts).
/// Compiler-generated nested types (lambdas, async state machines) count for their outer type.
/// </summary>
internal static class TypeDependencyScanner
{
    private const BindingFlags AllMembers = BindingFlags.Public | BindingFlags.NonPublic |
        BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>Pairs of (outer type using, type used), both from <paramref name="assembly"/>.</summary>
    public static IEnumerable<(Type User, Type Used)> Scan(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes())
        {
            var owner = Outermost(type);
            // Compiler-generated helpers (<PrivateImplementationDetails> for u8 literals and array data,
            // <>z__ReadOnlyArray for collection expressions) live in the global namespace and are no layer.
            foreach (var used in DirectUses(type).SelectMany(Flatten).Where(u => u.Assembly == assembly && !IsCompilerGenerated(u)).Distinct())
            {
                yield return (owner, Outermost(used));
            }
        }
    }

    private static bool IsCompilerGenerated(Type type) => Outermost(type).Name.StartsWith('<');

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private static IEnumerable<Type> Flatten(Type type)
    {
        if (type.HasElementType)
        {
            foreach (var inner in Flatten(type.GetElementType()!))
            {
                yield return inner;
            }

            yield break;
        }

        if (type.IsGenericParameter)
        {
            yield break;
        }

        yield return type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments().SelectMany(Flatten))
            {
                yield return argument;
            }
        }
    }

    private static IEnumerable<Type> DirectUses(Type type)
    {
        if (type.BaseType is not null)
        {
            yield return type.BaseType;
        }

        foreach (var contract in type.GetInterfaces())
        {
            yield return contract;
        }

        foreach (var field in type.GetFields(AllMembers))
        {
            yield return field.FieldType;
        }

        foreach (var property in type.GetProperties(AllMembers))
        {
            yield return property.PropertyType;
        }

        foreach (var method in type.GetMethods(AllMembers).Cast<MethodBase>().Concat(type.GetConstructors(AllMembers)))
        {
            if (method is MethodInfo info)
            {
                yield return info.ReturnType;
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
            }

            foreach (var used in BodyUses(method))
            {
                yield return used;
            }
        }
    }

    private static List<Type> BodyUses(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return [];
        }

        var found = new List<Type>();
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = unchecked((short)(0xFE00 | il[position++]));
            }

            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, position);
                    var member = method.Module.ResolveMember(token, typeArgs, methodArgs);
                    if (member is Type t)
                    {
                        found.Add(t);
                    }
                    else if (member?.DeclaringType is not null)
                    {
                        found.Add(member.DeclaringType);
                    }

                    position += 4;
                    break;
                case OperandType.InlineSwitch:
                    var count = BitConverter.ToInt32(il, position);
                    position += 4 + (4 * count);
                    break;
                default:
                    position += OperandSize(opCode.OperandType);
                    break;
            }
        }

        return found;
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}
