using System.CommandLine;
using CustomerAddresses.Client;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Cli;

/// <summary>What <see cref="CustomersCommand"/> and <see cref="AddressesCommand"/> share: an interactive client around the work, and ids read as their types.</summary>
internal static class ResourceCommands
{
    internal static async Task<int> Run(ToolContext context, ParseResult parse, Func<CustomerAddressesClient, Task> body, Connection connection)
    {
        using CustomerAddressesClient client = connection.Create(parse, context, ClientUse.Interactive);
        await body(client);
        return ExitCodes.Done;
    }

    internal delegate bool TryParse<T>(string? text, out T value);

    internal static T Id<T>(string? text, TryParse<T> parse) =>
        parse(text, out T value) ? value : throw new UsageException($"{Echo.Quote(text ?? string.Empty)} is not a {typeof(T).Name}");
}
