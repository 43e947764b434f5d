namespace CustomerAddresses.Cli;

/// <summary>
/// CSV cells a spreadsheet would run as formulas (OWASP's "CSV injection"): a cell beginning with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading <c>'</c> when written, which spreadsheets show as text.
/// So that every value comes back as it was, a value that already begins with <c>'</c> characters followed by one of
/// those gets one more, and reading removes exactly one: <c>+1-555-0100</c> is written <c>'+1-555-0100</c> and read
/// back <c>+1-555-0100</c>; <c>'=x</c> is written <c>''=x</c> and read back <c>'=x</c>.
/// </summary>
internal static class SpreadsheetCells
{
    private static bool Triggers(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>Whether the value is <c>'</c> characters (any number, none included) then a trigger.</summary>
    private static bool Guarded(string value, int quotes) =>
        value.Length > quotes && Triggers(value[quotes]) && value.AsSpan(0, quotes).IndexOfAnyExcept('\'') < 0;

    private static int LeadingQuotes(string value) => value.AsSpan().IndexOfAnyExcept('\'') is var i and >= 0 ? i : value.Length;

    /// <summary>The value as a cell that no spreadsheet runs.</summary>
    internal static string? Neutralize(string? value) =>
        value is { Length: > 0 } && Guarded(value, LeadingQuotes(value)) ? "'" + value : value;

    /// <summary>The value a neutralized cell holds: one leading <c>'</c> less before a trigger; any other value as it is.</summary>
    internal static string Restore(string cell) =>
        LeadingQuotes(cell) is var quotes and > 0 && Guarded(cell, quotes) ? cell[1..] : cell;
}
