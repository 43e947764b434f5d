using System.CommandLine;
using CustomerAddresses.Client;

namespace CustomerAddresses.Cli;

/// <summary><c>customers list|get</c>: a look at customers, as a table, plain lines, JSON or CSV.</summary>
internal static class CustomersCommand
{
    internal static Command Create(ToolContext context, Connection connection, Listing listing)
    {
        var archived = new Option<bool>("--include-archived") { Description = "List archived customers too." };
        var list = new Command("list", "List customers, newest first.") { listing.Output, listing.Limit, archived };
        list.SetAction((parse, ct) => ResourceCommands.Run(context, parse, async client =>
        {
            var query = new ListCustomersOptions { Statuses = parse.GetValue(archived) ? [CustomerStatus.Active, CustomerStatus.Archived] : null };
            await listing.WriteAsync(parse, context, Shapes.Customer, client.Customers.ListAsync(query, ct), ct);
        }, connection));

        var id = new Argument<string>("CUSTOMER_ID") { Description = "The customer's id (ctm_… on Paddle)." };
        var get = new Command("get", "Show one customer.") { id, listing.Output };
        get.SetAction((parse, ct) => ResourceCommands.Run(context, parse, async client =>
        {
            Customer customer = await client.Customers.GetAsync(ResourceCommands.Id<CustomerId>(parse.GetValue(id), CustomerId.TryParse), ct);
            await listing.WriteAsync(parse, context, Shapes.Customer, new[] { customer }.ToAsyncEnumerable(), ct);
        }, connection));
        return new Command("customers", "Look at customers.") { list, get };
    }
}
