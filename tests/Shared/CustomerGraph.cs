namespace CustomerAddresses.Client.Tests.Shared;

/// <summary>
/// A server's customers with their active addresses and businesses, as sorted lines of every member a bulk file carries
/// (ids and times left out): two servers that hold the same customer base give the same lines.
/// </summary>
internal static class CustomerGraph
{
    internal static async Task<string[]> LinesAsync(CustomerAddressesClient client)
    {
        var lines = new List<string>();
        await foreach (Customer c in client.Customers.ListAsync(new ListCustomersOptions { PerPage = client.Dialect.MaxPageSize }))
        {
            lines.Add($"{c.Email} | {c.Name} | {c.Locale} | {c.Status}");
            await foreach (Address a in client.Addresses.ListAsync(c.Id))
            {
                lines.Add($"{c.Email} address {a.Country} | {a.Description} | {a.FirstLine} | {a.SecondLine} | {a.City} | {a.PostalCode} | {a.Region} | {a.Status}");
            }

            if (client.Dialect.HasBusinesses)
            {
                await foreach (Business b in client.Businesses.ListAsync(c.Id))
                {
                    string contacts = string.Join("; ", b.Contacts?.Select(x => $"{x.Name ?? "(no name)"} <{x.Email}>") ?? []);
                    lines.Add($"{c.Email} business {b.Name} | {b.CompanyNumber} | {b.TaxIdentifier} | {contacts} | {b.Status}");
                }
            }
        }

        return [.. lines.Order(StringComparer.Ordinal)];
    }
}
