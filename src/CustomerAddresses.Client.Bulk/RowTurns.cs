using System.Globalization;
using System.Runtime.CompilerServices;

namespace CustomerAddresses.Client.Bulk;

/// <summary>
/// A row and its turn: rows of one customer are worked on one after another, in the order the source gives them, while
/// rows of different customers run side by side. Each row waits for the row of its customer read before it.
/// </summary>
/// <param name="Row">The row.</param>
/// <param name="Index">Its place among the rows read (0 for the first): rejections are reported in this order.</param>
/// <param name="Key">Its content key (<see cref="ImportRowChecks.Content"/>) and which occurrence of that content it is, so that two identical rows are two rows.</param>
/// <param name="Conflict">Why the row contradicts an earlier row of the same customer (another name or locale), or null.</param>
/// <param name="After">Ends when the row of the same customer read before this one is done.</param>
/// <param name="Done">Set when this row is done, whatever its outcome.</param>
internal sealed record RowTurns(BulkImportRow Row, long Index, string Key, string? Conflict, Task After, TaskCompletionSource Done)
{
    /// <summary>The rows with their turns, made as they are read (one at a time), so turns follow the source's order.</summary>
    internal static async IAsyncEnumerable<RowTurns> InFileOrder(IAsyncEnumerable<BulkImportRow> rows, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var last = new Dictionary<string, Task>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var customers = new Dictionary<string, (long Line, string? Name, long NameLine, string? Locale, long LocaleLine)>(StringComparer.Ordinal);
        long index = 0;
        await foreach (BulkImportRow row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            ArgumentNullException.ThrowIfNull(row, nameof(rows));
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Task after = Task.CompletedTask;
            string? conflict = null;
            if (!string.IsNullOrWhiteSpace(row.Email) && row.Problem is null)
            {
                string customer = ImportRowChecks.Key(row);
                after = last.GetValueOrDefault(customer) ?? Task.CompletedTask;
                last[customer] = done.Task;
                conflict = Contradiction(customers, customer, row);
            }

            string content = ImportRowChecks.Content(row);
            int occurrence = seen[content] = seen.GetValueOrDefault(content) + 1;
            string key = occurrence == 1 ? content : string.Create(CultureInfo.InvariantCulture, $"{content}#{occurrence}");
            yield return new RowTurns(row, index++, key, conflict, after, done);
        }
    }

    /// <summary>
    /// A customer has one name and one locale: the first row of an email that gives one sets it, and a later row giving
    /// another is rejected (an empty one gives none). Decided from the rows alone, so every run decides the same.
    /// </summary>
    private static string? Contradiction(Dictionary<string, (long Line, string? Name, long NameLine, string? Locale, long LocaleLine)> customers, string customer, BulkImportRow row)
    {
        customers.TryGetValue(customer, out var first);
        string? problem = null;
        if (!string.IsNullOrEmpty(row.Name))
        {
            if (first.Name is null)
            {
                (first.Name, first.NameLine) = (row.Name, row.LineNumber);
            }
            else if (!string.Equals(first.Name, row.Name, StringComparison.Ordinal))
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"name differs from the name line {first.NameLine} gives the same email: a customer has one name (leave it empty on the rows after the first, or make them equal).");
            }
        }

        if (problem is null && !string.IsNullOrEmpty(row.Locale))
        {
            if (first.Locale is null)
            {
                (first.Locale, first.LocaleLine) = (row.Locale, row.LineNumber);
            }
            else if (!string.Equals(first.Locale, row.Locale, StringComparison.Ordinal))
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"locale differs from the locale line {first.LocaleLine} gives the same email: a customer has one locale.");
            }
        }

        customers[customer] = first;
        return problem;
    }
}
