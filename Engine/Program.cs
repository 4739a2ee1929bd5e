using RcmlEngine.Cli;

return await RcmlCommandLine.InvokeAsync(args).ConfigureAwait(false);
