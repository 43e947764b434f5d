using System.Runtime.CompilerServices;

namespace CustomerAddresses.Client.Bulk;

/// <summary>
/// A row and its turn: rows of one customer are worked on one after another, in the order the source gives them, while
/// rows of different customers run side by side. Each row waits for the row of its customer read before it.
/// </summary>
/// <param name="Row">The row.</param>
/// <param name="After">Ends when the row of the same customer read before this one is done.</param>
/// <param name="Done">Set when this row is done, whatever its outcome.</param>
internal sealed record RowTurns(BulkImportRow Row, Task After, TaskCompletionSource Done)
{
    /// <summary>The rows with their turns, made as they are read (one at a time), so turns follow the source's order.</summary>
    internal static async IAsyncEnumerable<RowTurns> InFileOrder(IAsyncEnumerable<BulkImportRow> rows, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var last = new Dictionary<string, Task>(StringComparer.Ordinal);
        await foreach (BulkImportRow row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            ArgumentNullException.ThrowIfNull(row, nameof(rows));
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Task after = Task.CompletedTask;
            if (!string.IsNullOrWhiteSpace(row.Email))
            {
                string key = ImportRowChecks.Key(row);
                after = last.GetValueOrDefault(key) ?? Task.CompletedTask;
                last[key] = done.Task;
            }

            yield return new RowTurns(row, after, done);
        }
    }
}
