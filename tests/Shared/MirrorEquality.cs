using System.Text.Json.Nodes;
using CustomerAddresses.Client.Mirror;

namespace CustomerAddresses.Client.Tests.Shared;

/// <summary>Whether a mirror's tables equal the server's entities: every entity of every status, row for row, member by member, no row extra.</summary>
internal static class MirrorEquality
{
    /// <summary>Every entity of the server as the rows the mirror must hold: table name to rows, each column to its value as text.</summary>
    internal static async Task<Dictionary<string, List<Dictionary<string, string?>>>> ServerAsync(CustomerAddressesClient client)
    {
        var tables = MirrorTable.All.ToDictionary(t => t.Name, _ => new List<Dictionary<string, string?>>());
        void Add(MirrorRow row) => tables[row.Table.Name].Add(row.Table.Columns.Select((c, i) => (c.Name, MirrorRow.Text(row.Values[i]))).ToDictionary(p => p.Name, p => p.Item2));
        await foreach (Customer c in client.Customers.ListAsync(new ListCustomersOptions { Statuses = [CustomerStatus.Active, CustomerStatus.Archived], PerPage = 200 }))
        {
            Add(MirrorRow.Of(c));
            await foreach (Address a in client.Addresses.ListAsync(c.Id, new ListAddressesOptions { Statuses = [AddressStatus.Active, AddressStatus.Archived], PerPage = 200 }))
            {
                Add(MirrorRow.Of(a));
            }

            await foreach (Business b in client.Businesses.ListAsync(c.Id, new ListBusinessesOptions { Statuses = [BusinessStatus.Active, BusinessStatus.Archived], PerPage = 200 }))
            {
                Add(MirrorRow.Of(b));
            }

            await foreach (PaymentMethod m in client.PaymentMethods.ListAsync(c.Id, new ListPaymentMethodsOptions { PerPage = 200 }))
            {
                Add(MirrorRow.Of(m));
            }
        }

        foreach (List<Dictionary<string, string?>> rows in tables.Values)
        {
            rows.Sort((x, y) => string.CompareOrdinal(x["id"], y["id"]));
        }

        return tables;
    }

    /// <summary>Asserts that the mirror's tables equal the server's entities row for row, member by member (JSON compared as JSON), with no row extra.</summary>
    internal static async Task AssertEqualsServerAsync(CustomerAddressesClient client, CustomerMirror mirror)
    {
        Dictionary<string, List<Dictionary<string, string?>>> server = await ServerAsync(client);
        Dictionary<string, List<Dictionary<string, string?>>> mirrored = await mirror.TablesAsync(CancellationToken.None);
        Assert.NotEmpty(server["customers"]);
        foreach (MirrorTable table in MirrorTable.All)
        {
            List<Dictionary<string, string?>> expected = server[table.Name], actual = mirrored[table.Name];
            Assert.True(
                expected.Select(r => r["id"]).SequenceEqual(actual.Select(r => r["id"])),
                $"{table.Name}: the server has [{string.Join(", ", expected.Select(r => r["id"]))}], the mirror [{string.Join(", ", actual.Select(r => r["id"]))}]");
            for (int i = 0; i < expected.Count; i++)
            {
                foreach (Column column in table.Columns)
                {
                    string? want = expected[i][column.Name], have = actual[i][column.Name];
                    bool same = column.Kind == ColumnKind.Json && want is not null && have is not null
                        ? JsonNode.DeepEquals(JsonNode.Parse(want), JsonNode.Parse(have))
                        : want == have;
                    Assert.True(same, $"{table.Name} {expected[i]["id"]} {column.Name}: the server has {want ?? "null"}, the mirror {have ?? "null"}");
                }
            }
        }
    }
}
