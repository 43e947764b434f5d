using System.CommandLine;
using CustomerAddresses.Client;

namespace CustomerAddresses.Cli;

/// <summary><c>addresses list|get</c>: a look at a customer's addresses, as a table, plain lines, JSON or CSV.</summary>
internal static class AddressesCommand
{
    internal static Command Create(ToolContext context, Connection connection, Listing listing)
    {
        var archived = new Option<bool>("--include-archived") { Description = "List archived addresses too." };
        var customer = new Argument<string>("CUSTOMER_ID") { Description = "The customer's id." };
        var list = new Command("list", "List a customer's addresses.") { customer, listing.Output, listing.Limit, archived };
        list.SetAction((parse, ct) => ResourceCommands.Run(context, parse, async client =>
        {
            var query = new ListAddressesOptions { Statuses = parse.GetValue(archived) ? [AddressStatus.Active, AddressStatus.Archived] : null };
            await listing.WriteAsync(parse, context, Shapes.Address, client.Addresses.ListAsync(ResourceCommands.Id<CustomerId>(parse.GetValue(customer), CustomerId.TryParse), query, ct), ct);
        }, connection));

        var of = new Argument<string>("CUSTOMER_ID") { Description = "The customer's id." };
        var id = new Argument<string>("ADDRESS_ID") { Description = "The address's id (add_… on Paddle)." };
        var get = new Command("get", "Show one address of a customer.") { of, id, listing.Output };
        get.SetAction((parse, ct) => ResourceCommands.Run(context, parse, async client =>
        {
            Address address = await client.Addresses.GetAsync(ResourceCommands.Id<CustomerId>(parse.GetValue(of), CustomerId.TryParse), ResourceCommands.Id<AddressId>(parse.GetValue(id), AddressId.TryParse), ct);
            await listing.WriteAsync(parse, context, Shapes.Address, new[] { address }.ToAsyncEnumerable(), ct);
        }, connection));
        return new Command("addresses", "Look at a customer's addresses.") { list, get };
    }
}
