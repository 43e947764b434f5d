namespace CustomerAddresses.Client.Bulk.Tests;

/// <summary>
/// A dry run rejects each bad row with a reason on one line, whatever the row holds: a country, a member name or the
/// reader's own problem that carries a line break is quoted with the break escaped, so a rejects log cannot be forged.
/// </summary>
public sealed class ImportRejectionTests
{
    private static async Task<List<BulkRejectedRow>> DryRun(params BulkImportRow[] rows)
    {
        using var client = new CustomerAddressesClient(new CustomerAddressesClientOptions { BaseAddress = new Uri("http://127.0.0.1:9/"), Dialect = ApiDialect.PaddleBilling });
        var rejected = new List<BulkRejectedRow>();
        await new BulkClient(client).ImportAsync(rows.ToAsyncEnumerable(), new BulkImportOptions
        {
            DryRun = true,
            OnRejected = (r, _) =>
            {
                lock (rejected)
                {
                    rejected.Add(r);
                }

                return ValueTask.CompletedTask;
            },
        });
        return [.. rejected.OrderBy(r => r.Row.LineNumber)];
    }

    [Fact]
    public async Task Values_in_reasons_are_escaped_onto_one_line()
    {
        List<BulkRejectedRow> rejected = await DryRun(
            new BulkImportRow { LineNumber = 2, Email = "a@example.com", Country = "Z\nline 99: imported", City = "York" },
            new BulkImportRow { LineNumber = 3, Email = "b@example.com", OtherMembers = ["nick\r\nname"] },
            new BulkImportRow { LineNumber = 4, Problem = "field \"x\u2028y\" is not text" },
            new BulkImportRow { LineNumber = 5, Email = "ok@example.com", Country = "GB", City = "York" });

        Assert.Equal([2L, 3L, 4L], rejected.Select(r => r.Row.LineNumber));
        Assert.All(rejected, r => Assert.DoesNotContain(r.Reason, c => char.IsControl(c) || c is '\u2028' or '\u2029'));
        Assert.Contains(@"Z\nline 99: imported", rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains(@"'nick\r\nname'", rejected[1].Reason, StringComparison.Ordinal);
        Assert.Contains(@"x\u2028y", rejected[2].Reason, StringComparison.Ordinal);
    }
}
