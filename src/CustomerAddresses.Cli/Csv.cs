using System.Text;

namespace CustomerAddresses.Cli;

/// <summary>
/// RFC 4180: records of comma-separated fields, a field in double quotes when it holds a comma, a quote (doubled) or a
/// line break, records ended by CRLF or LF, UTF-8 with or without a byte order mark.
/// </summary>
internal static class Csv
{
    /// <summary>One record: the line it starts on, its fields, or why it could not be read.</summary>
    internal readonly record struct Record(long Line, List<string> Fields, string? Problem, string Raw);

    /// <summary>Reads every record; a malformed one (a stray quote, an unterminated quoted field) comes with its problem, and reading goes on.</summary>
    internal static IEnumerable<Record> Read(TextReader reader)
    {
        long line = 1;
        while (reader.Peek() >= 0)
        {
            long start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var raw = new StringBuilder();
            string? problem = null;
            bool quoted = false, wasQuoted = false, end = false;
            while (!end)
            {
                int c = reader.Read();
                if (c >= 0)
                {
                    raw.Append((char)c);
                }

                if (quoted)
                {
                    if (c < 0)
                    {
                        problem = "a quoted field is not closed before the end of the file";
                        break;
                    }

                    if (c == '"' && reader.Peek() == '"')
                    {
                        raw.Append((char)reader.Read());
                        field.Append('"');
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        line += c == '\n' ? 1 : 0;
                        field.Append((char)c);
                    }

                    continue;
                }

                switch (c)
                {
                    case -1:
                    case '\n':
                        end = true;
                        line++;
                        break;
                    case '\r' when reader.Peek() == '\n':
                        break;
                    case ',':
                        fields.Add(field.ToString());
                        field.Clear();
                        wasQuoted = false;
                        break;
                    case '"' when field.Length == 0 && !wasQuoted:
                        quoted = wasQuoted = true;
                        break;
                    default:
                        problem ??= wasQuoted || c == '"' ? "a quote stands inside a field that is not quoted as a whole" : null;
                        field.Append((char)c);
                        break;
                }
            }

            fields.Add(field.ToString());
            if (fields is [""] && problem is null)
            {
                continue; // a blank line
            }

            yield return new Record(start, fields, problem, raw.ToString().TrimEnd('\r', '\n'));
        }
    }

    /// <summary>One record as a line, each field quoted when it must be.</summary>
    internal static string Line(IEnumerable<string?> fields) => string.Join(',', fields.Select(Field));

    private static string Field(string? value) =>
        value is null ? string.Empty
        : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value.StartsWith(' ') || value.EndsWith(' ') ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
        : value;
}
