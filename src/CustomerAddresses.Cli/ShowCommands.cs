using CustomerAddresses.Client;
using CustomerAddresses.Client.Primitives;
using Spectre.Console;

namespace CustomerAddresses.Cli;

/// <summary><c>customeraddresses customers list|get</c> and <c>addresses list|get</c>, as a table or as JSON lines.</summary>
internal static class ShowCommands
{
    internal static readonly string[] Options = [.. Connection.Options, "--output"];
    internal static readonly string[] Flags = ["--include-archived"];

    private static readonly string[] s_customerColumns = ["id", "email", "name", "locale", "status", "created_at"];
    private static readonly string[] s_addressColumns = ["id", "country_code", "description", "first_line", "city", "postal_code", "region", "status"];

    internal static async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        bool json = (args.OneOf("--output", "table", "json") ?? "table") == "json";
        bool archived = args.Flag("--include-archived");
        using CustomerAddressesClient client = Connection.Create(args);
        var rows = new List<string?[]>();
        string[] columns;
        switch (args.Words)
        {
            case ["customers", "list"]:
                columns = s_customerColumns;
                await foreach (Customer c in client.Customers.ListAsync(new ListCustomersOptions { Statuses = archived ? [CustomerStatus.Active, CustomerStatus.Archived] : null }, cancellationToken))
                {
                    rows.Add(Of(c));
                    Flush(json, columns, rows);
                }

                break;
            case ["customers", "get", string id]:
                columns = s_customerColumns;
                rows.Add(Of(await client.Customers.GetAsync(ParseId<CustomerId>(id, CustomerId.TryParse), cancellationToken)));
                break;
            case ["addresses", "list", string customer]:
                columns = s_addressColumns;
                var query = new ListAddressesOptions { Statuses = archived ? [AddressStatus.Active, AddressStatus.Archived] : null };
                await foreach (Address a in client.Addresses.ListAsync(ParseId<CustomerId>(customer, CustomerId.TryParse), query, cancellationToken))
                {
                    rows.Add(Of(a));
                    Flush(json, columns, rows);
                }

                break;
            case ["addresses", "get", string customer, string id]:
                columns = s_addressColumns;
                rows.Add(Of(await client.Addresses.GetAsync(ParseId<CustomerId>(customer, CustomerId.TryParse), ParseId<AddressId>(id, AddressId.TryParse), cancellationToken)));
                break;
            default:
                throw new UsageException("expected customers list, customers get ID, addresses list CUSTOMER_ID or addresses get CUSTOMER_ID ADDRESS_ID");
        }

        if (json)
        {
            Flush(json, columns, rows);
            return 0;
        }

        var table = new Table();
        foreach (string column in columns)
        {
            table.AddColumn(column);
        }

        foreach (string?[] row in rows)
        {
            table.AddRow([.. row.Select(v => Markup.Escape(v ?? string.Empty))]);
        }

        AnsiConsole.Write(table);
        return 0;
    }

    private delegate bool TryParse<T>(string? text, out T value);

    private static T ParseId<T>(string text, TryParse<T> parse) =>
        parse(text, out T value) ? value : throw new UsageException($"{Echo.Quote(text)} is not a {typeof(T).Name}");

    /// <summary>As JSON, each row is written as soon as it is read (a listing streams); a table needs them all.</summary>
    private static void Flush(bool json, string[] columns, List<string?[]> rows)
    {
        if (!json)
        {
            return;
        }

        foreach (string?[] row in rows)
        {
            Console.WriteLine(RowFiles.JsonLine(columns, row));
        }

        rows.Clear();
    }

    private static string?[] Of(Customer c) => [c.Id.Value, c.Email, c.Name, c.Locale, c.Status?.Value, c.CreatedAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture)];

    private static string?[] Of(Address a) => [a.Id.Value, a.Country?.Value, a.Description, a.FirstLine, a.City, a.PostalCode, a.Region, a.Status?.Value];
}
