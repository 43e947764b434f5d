namespace CustomerAddresses.Cli;

/// <summary><c>customeraddresses</c>: the command tree of <see cref="Tool"/> on the process's console and environment.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        return await Tool.RunAsync(args, ToolContext.FromProcess(), stop.Token);
    }
}
