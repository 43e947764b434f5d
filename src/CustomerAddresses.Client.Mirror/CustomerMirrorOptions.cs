namespace CustomerAddresses.Client.Mirror;

/// <summary>Where <see cref="CustomerMirror"/> keeps its tables, and how far back Paddle lists events.</summary>
public sealed record CustomerMirrorOptions
{
    /// <summary>
    /// Gets the SQLite database file (created when missing, readable by its owner only on Unix): one file, no server, for
    /// one instance. Set this or <see cref="PostgresConnectionString"/>.
    /// </summary>
    public string? SqlitePath { get; init; }

    /// <summary>
    /// Gets the PostgreSQL connection string (Npgsql's), for many instances sharing one database. Set this or
    /// <see cref="SqlitePath"/>. It holds a password: it is never logged or shown.
    /// </summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>
    /// Gets how long Paddle keeps events in its list: a mirror that has not caught up for longer backfills afresh, since
    /// events it never saw may be gone. Defaults to 30 days, well inside what Paddle's events list keeps; set it to what your account's list holds. At
    /// least an hour.
    /// </summary>
    public TimeSpan EventRetention { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Writes the database's kind, never its connection string.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(SqlitePath is not null ? "SQLite" : PostgresConnectionString is not null ? "PostgreSQL" : "(no database)");
        builder.Append(System.Globalization.CultureInfo.InvariantCulture, $", EventRetention = {EventRetention}");
        return true;
    }
}
