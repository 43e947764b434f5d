using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace CustomerAddresses.Client.Mirror;

/// <summary>What applying one state or one event did.</summary>
internal enum ApplyOutcome
{
    /// <summary>Written: a new row, or a newer state over an older one, or a payment method removed.</summary>
    Written,

    /// <summary>The row holds this state already.</summary>
    Unchanged,

    /// <summary>The row holds a newer state: the older one was not written.</summary>
    Older,

    /// <summary>The event was applied before (by its id): nothing was written.</summary>
    Duplicate,

    /// <summary>A payment method that was deleted: never written again.</summary>
    Deleted,

    /// <summary>The row holds another state of the same <c>updated_at</c>: the entity must be fetched from the API.</summary>
    Tie,
}

/// <summary>
/// The mirror's tables in one database, SQLite or PostgreSQL, through ADO.NET. Each change is one transaction: the
/// event's id recorded (a second application of it finds it and writes nothing), the row written only over an older
/// state, and the events cursor moved, together or not at all. On PostgreSQL each entity's changes are serialized by a
/// transaction-scoped advisory lock on its id, so instances applying the same entity at once cannot interleave.
/// </summary>
internal sealed class MirrorStore
{
    /// <summary>The schema's version: the migrations run in order up to it, each once, recorded in <c>_mirror_state</c>.</summary>
    internal const int SchemaVersion = 1;

    private readonly string _connectionString;
    private readonly string? _sqlitePath;

    private MirrorStore(string connectionString, string? sqlitePath)
    {
        _connectionString = connectionString;
        _sqlitePath = sqlitePath;
    }

    internal bool IsPostgres => _sqlitePath is null;

    internal static MirrorStore Sqlite(string path) =>
        new(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, DefaultTimeout = 60, Pooling = true }.ToString(), path);

    internal static MirrorStore Postgres(string connectionString) => new(connectionString, null);

    internal async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = IsPostgres ? new NpgsqlConnection(_connectionString) : new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (!IsPostgres)
            {
                await ExecuteAsync(connection, null, "PRAGMA synchronous=FULL", cancellationToken).ConfigureAwait(false); // a committed event survives a power cut
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return connection;
    }

    /// <summary>Creates the tables, or migrates them forward to <see cref="SchemaVersion"/>; a database of a newer version is refused.</summary>
    /// <exception cref="InvalidOperationException">The database was written by a newer version of the mirror.</exception>
    internal async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using DbConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        if (!IsPostgres)
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(_sqlitePath!, UnixFileMode.UserRead | UnixFileMode.UserWrite); // customers' personal data; its -wal and -shm files take the same
            }

            // Write-ahead logging (kept by the file): readers (your app's queries) never wait for the mirror's writes, nor it for them.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL", cancellationToken).ConfigureAwait(false);
        }

        await using DbTransaction transaction = await BeginAsync(connection, cancellationToken).ConfigureAwait(false);
        if (IsPostgres)
        {
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({LockKey("schema")})", cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS _mirror_state (name text PRIMARY KEY, value text)", cancellationToken).ConfigureAwait(false);
        int version = int.TryParse(await StateAsync(connection, transaction, "schema_version", cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture, out int v) ? v : 0;
        if (version > SchemaVersion)
        {
            throw new InvalidOperationException($"The mirror's database is of schema version {version}; this version of the mirror reads up to {SchemaVersion}. Update the package.");
        }

        for (int next = version + 1; next <= SchemaVersion; next++)
        {
            foreach (string statement in Migration(next))
            {
                await ExecuteAsync(connection, transaction, statement, cancellationToken).ConfigureAwait(false);
            }
        }

        if (version < SchemaVersion)
        {
            await SetStateAsync(connection, transaction, "schema_version", SchemaVersion.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The statements that take the schema from <paramref name="version"/> - 1 to <paramref name="version"/>.</summary>
    private IEnumerable<string> Migration(int version)
    {
        if (version == 1)
        {
            string time = IsPostgres ? "timestamptz" : "text";
            yield return $"CREATE TABLE IF NOT EXISTS _mirror_events (event_id text PRIMARY KEY, event_type text NOT NULL, applied_at {time} NOT NULL)";
            yield return $"CREATE TABLE IF NOT EXISTS _mirror_deleted (id text PRIMARY KEY, deleted_at {time} NOT NULL)";
            foreach (MirrorTable table in MirrorTable.All)
            {
                string columns = string.Join(", ", table.Columns.Select(c => $"{c.Name} {Type(c.Kind)}{(c.Name == "id" ? " PRIMARY KEY" : string.Empty)}"));
                yield return $"CREATE TABLE IF NOT EXISTS {table.Name} ({columns}, _version bigint NOT NULL, _hash text NOT NULL, _event_id text, _mirrored_at {time} NOT NULL)";
                if (table.HasOwner)
                {
                    yield return $"CREATE INDEX IF NOT EXISTS {table.Name}_customer_id ON {table.Name} (customer_id)";
                }
            }

            yield return "CREATE INDEX IF NOT EXISTS customers_email ON customers (email)";
        }
    }

    private string Type(ColumnKind kind) => (kind, IsPostgres) switch
    {
        (ColumnKind.Json, true) => "jsonb",
        (ColumnKind.Time, true) => "timestamptz",
        (ColumnKind.Boolean, true) => "boolean",
        (ColumnKind.Integer or ColumnKind.Boolean, _) => "bigint",
        _ => "text",
    };

    /// <summary>
    /// Applies one state of an entity (or, with <paramref name="row"/> null, the deletion of payment method
    /// <paramref name="deletedId"/>) in one transaction with the record of <paramref name="eventId"/> and the move of the
    /// events cursor to <paramref name="cursor"/>. A state is written only over an older one; on the same
    /// <c>updated_at</c> with other content it is written only when <paramref name="force"/> (a state just read from the
    /// API), and otherwise the answer is <see cref="ApplyOutcome.Tie"/> and nothing is written.
    /// </summary>
    internal async Task<ApplyOutcome> ApplyAsync(MirrorRow? row, string? deletedId, string? eventId, string? eventType, (string Id, DateTimeOffset At)? cursor, bool force, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using DbConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using DbTransaction transaction = await BeginAsync(connection, cancellationToken).ConfigureAwait(false);
        string? entity = row?.Id ?? deletedId;
        if (IsPostgres && entity is not null)
        {
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({LockKey(entity)})", cancellationToken).ConfigureAwait(false);
        }

        ApplyOutcome outcome = ApplyOutcome.Unchanged;
        if (eventId is not null)
        {
            await using DbCommand record = Command(connection, transaction, "INSERT INTO _mirror_events (event_id, event_type, applied_at) VALUES (@e, @t, @at) ON CONFLICT (event_id) DO NOTHING");
            Parameter(record, "@e", ColumnKind.Text, eventId);
            Parameter(record, "@t", ColumnKind.Text, eventType ?? string.Empty);
            Parameter(record, "@at", ColumnKind.Time, now);
            if (await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                outcome = ApplyOutcome.Duplicate;
            }
        }

        if (outcome != ApplyOutcome.Duplicate)
        {
            if (row is not null)
            {
                outcome = await WriteAsync(connection, transaction, row, eventId, force, now, cancellationToken).ConfigureAwait(false);
            }
            else if (deletedId is not null)
            {
                await using DbCommand tombstone = Command(connection, transaction, "INSERT INTO _mirror_deleted (id, deleted_at) VALUES (@id, @at) ON CONFLICT (id) DO NOTHING");
                Parameter(tombstone, "@id", ColumnKind.Text, deletedId);
                Parameter(tombstone, "@at", ColumnKind.Time, now);
                await tombstone.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await using DbCommand delete = Command(connection, transaction, "DELETE FROM payment_methods WHERE id = @id");
                Parameter(delete, "@id", ColumnKind.Text, deletedId);
                outcome = await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0 ? ApplyOutcome.Written : ApplyOutcome.Unchanged;
            }
        }

        if (outcome == ApplyOutcome.Tie)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false); // the event is applied once the entity is fetched
            return outcome;
        }

        if (cursor is { } moved)
        {
            await SetStateAsync(connection, transaction, "cursor", moved.Id, cancellationToken).ConfigureAwait(false);
            await SetStateAsync(connection, transaction, "cursor_at", MirrorRow.Time(moved.At), cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    private async Task<ApplyOutcome> WriteAsync(DbConnection connection, DbTransaction transaction, MirrorRow row, string? eventId, bool force, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (row.Table == MirrorTable.PaymentMethods && await IsDeletedAsync(connection, transaction, row.Id, cancellationToken).ConfigureAwait(false))
        {
            return ApplyOutcome.Deleted; // a payment method deleted is gone for good: a late or replayed save does not bring it back
        }

        long version = row.UpdatedAt.UtcTicks;
        string hash = row.Hash;
        await using (DbCommand current = Command(connection, transaction, $"SELECT _version, _hash FROM {row.Table.Name} WHERE id = @id"))
        {
            Parameter(current, "@id", ColumnKind.Text, row.Id);
            await using DbDataReader reader = await current.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                long theirs = reader.GetInt64(0);
                string theirHash = reader.GetString(1);
                if (theirs > version)
                {
                    return ApplyOutcome.Older;
                }

                if (theirs == version && string.Equals(theirHash, hash, StringComparison.Ordinal))
                {
                    return ApplyOutcome.Unchanged;
                }

                if (theirs == version && !force)
                {
                    return ApplyOutcome.Tie;
                }
            }
        }

        IReadOnlyList<Column> columns = row.Table.Columns;
        string names = string.Join(", ", columns.Select(c => c.Name));
        string values = string.Join(", ", columns.Select((_, i) => $"@c{i}"));
        string updates = string.Join(", ", columns.Skip(1).Select(c => $"{c.Name} = excluded.{c.Name}"));
        await using DbCommand upsert = Command(connection, transaction,
            $"INSERT INTO {row.Table.Name} ({names}, _version, _hash, _event_id, _mirrored_at) VALUES ({values}, @version, @hash, @event, @at) "
            + $"ON CONFLICT (id) DO UPDATE SET {updates}, _version = excluded._version, _hash = excluded._hash, _event_id = excluded._event_id, _mirrored_at = excluded._mirrored_at");
        for (int i = 0; i < columns.Count; i++)
        {
            Parameter(upsert, $"@c{i}", columns[i].Kind, row.Values[i]);
        }

        Parameter(upsert, "@version", ColumnKind.Integer, version);
        Parameter(upsert, "@hash", ColumnKind.Text, hash);
        Parameter(upsert, "@event", ColumnKind.Text, eventId);
        Parameter(upsert, "@at", ColumnKind.Time, now);
        await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return ApplyOutcome.Written;
    }

    /// <summary>Deletes the customer's payment method rows that a fresh backfill did not find on the server and that nothing wrote since it started.</summary>
    internal async Task<int> DeleteMissingPaymentMethodsAsync(string customerId, IReadOnlyCollection<string> found, DateTimeOffset backfillStarted, CancellationToken cancellationToken)
    {
        await using DbConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using DbTransaction transaction = await BeginAsync(connection, cancellationToken).ConfigureAwait(false);
        var stale = new List<string>();
        await using (DbCommand select = Command(connection, transaction, "SELECT id FROM payment_methods WHERE customer_id = @c AND _mirrored_at < @started"))
        {
            Parameter(select, "@c", ColumnKind.Text, customerId);
            Parameter(select, "@started", ColumnKind.Time, backfillStarted);
            await using DbDataReader reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                string id = reader.GetString(0);
                if (!found.Contains(id))
                {
                    stale.Add(id);
                }
            }
        }

        foreach (string id in stale)
        {
            await using DbCommand delete = Command(connection, transaction, "DELETE FROM payment_methods WHERE id = @id");
            Parameter(delete, "@id", ColumnKind.Text, id);
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stale.Count;
    }

    /// <summary>Whether payment method <paramref name="id"/> was deleted (a tombstone): a save of it is never applied again.</summary>
    internal async Task<bool> IsDeletedAsync(string id, CancellationToken cancellationToken)
    {
        await using DbConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await IsDeletedAsync(connection, null, id, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<bool> IsDeletedAsync(DbConnection connection, DbTransaction? transaction, string id, CancellationToken cancellationToken)
    {
        await using DbCommand command = Command(connection, transaction, "SELECT 1 FROM _mirror_deleted WHERE id = @id");
        Parameter(command, "@id", ColumnKind.Text, id);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null and not DBNull;
    }

    /// <summary>Removes the records of events applied before <paramref name="before"/>: Paddle lists no event that old, so none can come again.</summary>
    internal async Task PruneEventsAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using DbConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using DbCommand prune = Command(connection, null, "DELETE FROM _mirror_events WHERE applied_at < @before");
        Parameter(prune, "@before", ColumnKind.Time, before);
        await prune.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    internal async Task<string?> StateAsync(string name, CancellationToken cancellationToken)
    {
        await using DbConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await StateAsync(connection, null, name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets (or, with a null value, removes) named states in one transaction.</summary>
    internal async Task SetStatesAsync(IEnumerable<(string Name, string? Value)> states, CancellationToken cancellationToken)
    {
        await using DbConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using DbTransaction transaction = await BeginAsync(connection, cancellationToken).ConfigureAwait(false);
        foreach ((string name, string? value) in states)
        {
            await SetStateAsync(connection, transaction, name, value, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string?> StateAsync(DbConnection connection, DbTransaction? transaction, string name, CancellationToken cancellationToken)
    {
        await using DbCommand command = Command(connection, transaction, "SELECT value FROM _mirror_state WHERE name = @n");
        AddText(command, "@n", name);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    private static async Task SetStateAsync(DbConnection connection, DbTransaction transaction, string name, string? value, CancellationToken cancellationToken)
    {
        await using DbCommand command = Command(connection, transaction, value is null
            ? "DELETE FROM _mirror_state WHERE name = @n"
            : "INSERT INTO _mirror_state (name, value) VALUES (@n, @v) ON CONFLICT (name) DO UPDATE SET value = excluded.value");
        AddText(command, "@n", name);
        if (value is not null)
        {
            AddText(command, "@v", value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Leads the mirror (backfill and catch-up) while the returned lease is held, or returns null when another holds it.
    /// PostgreSQL: a session advisory lock on a connection of its own, released when the lease ends or its holder dies.
    /// SQLite: an exclusive lock on a file beside the database, released likewise.
    /// </summary>
    internal async Task<IAsyncDisposable?> TryLeadAsync(CancellationToken cancellationToken)
    {
        if (!IsPostgres)
        {
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                return new FileStream(_sqlitePath + "-mirror.lock", options);
            }
            catch (IOException)
            {
                return null;
            }
        }

        // A connection of its own, never pooled: closing it ends the session, and the session's lock with it.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using DbCommand command = Command(connection, null, $"SELECT pg_try_advisory_lock({LockKey("lead")})");
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true)
        {
            return connection; // closing it ends the session, and the lock with it
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    /// <summary>Reads every row of a table as column name to stored text (times as RFC 3339, JSON as text): for tests and tools.</summary>
    internal async Task<List<Dictionary<string, string?>>> RowsAsync(MirrorTable table, CancellationToken cancellationToken)
    {
        await using DbConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using DbCommand command = Command(connection, null, $"SELECT {string.Join(", ", table.Columns.Select(c => c.Name))} FROM {table.Name} ORDER BY id");
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<Dictionary<string, string?>>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (int i = 0; i < table.Columns.Count; i++)
            {
                // As MirrorRow.Text writes a value; PostgreSQL's timestamptz comes back as a DateTime in UTC.
                row[table.Columns[i].Name] = reader.IsDBNull(i) ? null : MirrorRow.Text(reader.GetValue(i) switch
                {
                    DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
                    var other => other,
                });
            }

            rows.Add(row);
        }

        return rows;
    }

    private async Task<DbTransaction> BeginAsync(DbConnection connection, CancellationToken cancellationToken) =>
        IsPostgres
            ? await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false)
            : await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false); // BEGIN IMMEDIATE: one writer at a time, no upgrade deadlock

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using DbCommand command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AddText(DbCommand command, string name, string value)
    {
        DbParameter parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>A value as the column's type wants it: times as RFC 3339 text (SQLite) or UTC <c>timestamptz</c>, JSON as text or <c>jsonb</c>.</summary>
    private static void Parameter(DbCommand command, string name, ColumnKind kind, object? value)
    {
        if (command is NpgsqlCommand npgsql)
        {
            NpgsqlDbType type = kind switch
            {
                ColumnKind.Json => NpgsqlDbType.Jsonb,
                ColumnKind.Time => NpgsqlDbType.TimestampTz,
                ColumnKind.Boolean => NpgsqlDbType.Boolean,
                ColumnKind.Integer => NpgsqlDbType.Bigint,
                _ => NpgsqlDbType.Text,
            };
            object stored = value switch
            {
                null => DBNull.Value,
                DateTimeOffset time => time.ToUniversalTime(),
                _ => value,
            };
            npgsql.Parameters.Add(new NpgsqlParameter(name, type) { Value = stored });
            return;
        }

        DbParameter parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value switch
        {
            null => DBNull.Value,
            DateTimeOffset time => MirrorRow.Time(time),
            bool flag => flag ? 1L : 0L,
            _ => value,
        };
        command.Parameters.Add(parameter);
    }

    /// <summary>A 64-bit advisory lock key of a name: the first 8 bytes of its SHA-256.</summary>
    private static string LockKey(string name) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("customeraddresses-mirror:" + name)).AsSpan(0, 8)).ToString(CultureInfo.InvariantCulture);
}
