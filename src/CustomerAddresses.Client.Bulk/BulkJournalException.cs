using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Client.Bulk;

/// <summary>
/// The journal of a bulk import cannot be used: it is held by another import, it is not a journal, it was edited or
/// cut, or it belongs to an import into another server or from another source. Nothing was sent, and the file was left
/// as it was.
/// </summary>
public sealed class BulkJournalException : Exception
{
    /// <summary>Initializes an instance.</summary>
    /// <param name="journalPath">The journal's path.</param>
    /// <param name="line">The line of the journal at fault, or <see langword="null"/> when the journal as a whole is.</param>
    /// <param name="reason">What is wrong, as the end of a sentence that begins with the journal's name.</param>
    /// <param name="innerException">What the file system or the JSON reader said, if anything.</param>
    public BulkJournalException(string journalPath, long? line, string reason, Exception? innerException = null)
        : base(Describe(journalPath, line, reason), innerException)
    {
        JournalPath = journalPath;
        Line = line;
        Reason = reason;
    }

    /// <summary>Gets the journal's path.</summary>
    public string JournalPath { get; }

    /// <summary>Gets the line of the journal at fault, or <see langword="null"/> when the journal as a whole is.</summary>
    public long? Line { get; }

    /// <summary>Gets what is wrong.</summary>
    public string Reason { get; }

    private static string Describe(string path, long? line, string reason) =>
        $"The journal {Echo.Quote(path ?? string.Empty, 260)}{(line is { } l ? $", line {l}," : string.Empty)} {reason}";
}
