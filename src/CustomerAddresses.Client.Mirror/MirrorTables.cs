using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CustomerAddresses.Client.Mirror;

/// <summary>What a column holds, which decides its type in each database.</summary>
internal enum ColumnKind
{
    /// <summary>Text.</summary>
    Text,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>True or false (SQLite: 0 or 1).</summary>
    Boolean,

    /// <summary>A nested member: JSON text (SQLite) or <c>jsonb</c> (PostgreSQL).</summary>
    Json,

    /// <summary>A time: RFC 3339 text in UTC with six fractional digits (SQLite) or <c>timestamptz</c> (PostgreSQL).</summary>
    Time,
}

/// <summary>A column of a mirrored table, named as Paddle's JSON names the member.</summary>
internal sealed record Column(string Name, ColumnKind Kind);

/// <summary>A mirrored table: its name and its columns, <c>id</c> first; its entities' owner column, when they have one.</summary>
internal sealed record MirrorTable(string Name, IReadOnlyList<Column> Columns, bool HasOwner)
{
    internal static readonly MirrorTable Customers = new("customers",
    [
        new("id", ColumnKind.Text), new("name", ColumnKind.Text), new("email", ColumnKind.Text), new("marketing_consent", ColumnKind.Boolean),
        new("status", ColumnKind.Text), new("custom_data", ColumnKind.Json), new("locale", ColumnKind.Text),
        new("created_at", ColumnKind.Time), new("updated_at", ColumnKind.Time), new("import_meta", ColumnKind.Json),
    ], HasOwner: false);

    internal static readonly MirrorTable Addresses = new("addresses",
    [
        new("id", ColumnKind.Text), new("customer_id", ColumnKind.Text), new("description", ColumnKind.Text), new("first_line", ColumnKind.Text),
        new("second_line", ColumnKind.Text), new("city", ColumnKind.Text), new("postal_code", ColumnKind.Text), new("region", ColumnKind.Text),
        new("country_code", ColumnKind.Text), new("custom_data", ColumnKind.Json), new("status", ColumnKind.Text),
        new("created_at", ColumnKind.Time), new("updated_at", ColumnKind.Time), new("import_meta", ColumnKind.Json),
    ], HasOwner: true);

    internal static readonly MirrorTable Businesses = new("businesses",
    [
        new("id", ColumnKind.Text), new("customer_id", ColumnKind.Text), new("name", ColumnKind.Text), new("company_number", ColumnKind.Text),
        new("tax_identifier", ColumnKind.Text), new("status", ColumnKind.Text), new("contacts", ColumnKind.Json), new("custom_data", ColumnKind.Json),
        new("import_meta", ColumnKind.Json), new("created_at", ColumnKind.Time), new("updated_at", ColumnKind.Time),
    ], HasOwner: true);

    internal static readonly MirrorTable PaymentMethods = new("payment_methods",
    [
        new("id", ColumnKind.Text), new("customer_id", ColumnKind.Text), new("address_id", ColumnKind.Text), new("type", ColumnKind.Text),
        new("card", ColumnKind.Json), new("paypal", ColumnKind.Json), new("south_korea_local_card", ColumnKind.Json), new("origin", ColumnKind.Text),
        new("saved_at", ColumnKind.Time), new("updated_at", ColumnKind.Time),
    ], HasOwner: true);

    internal static readonly IReadOnlyList<MirrorTable> All = [Customers, Addresses, Businesses, PaymentMethods];
}

/// <summary>
/// An entity as a row of its table: each column's value (text, a number, a flag, JSON text, or a time), its
/// <c>updated_at</c> and a hash of every value, which tells two states of the same <c>updated_at</c> apart.
/// </summary>
internal sealed record MirrorRow(MirrorTable Table, string Id, string? CustomerId, DateTimeOffset UpdatedAt, IReadOnlyList<object?> Values)
{
    /// <summary>A SHA-256 of every value as text, in column order (the first 16 bytes, in hex).</summary>
    internal string Hash
    {
        get
        {
            var text = new StringBuilder();
            for (int i = 0; i < Values.Count; i++)
            {
                text.Append(Table.Columns[i].Name).Append('=').Append(Text(Values[i])).Append('\u001e');
            }

            return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 16)).ToLowerInvariant();
        }
    }

    /// <summary>A value as the SQLite mirror stores it: times in RFC 3339 UTC with six fractional digits.</summary>
    internal static string? Text(object? value) => value switch
    {
        null => null,
        DateTimeOffset time => Time(time),
        bool flag => flag ? "1" : "0",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>A time as RFC 3339 text in UTC with six fractional digits, so that text order is time order.</summary>
    internal static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    internal static MirrorRow Of(Customer c) => new(MirrorTable.Customers, c.Id.Value, null, Updated(c.UpdatedAt, c.CreatedAt),
    [
        c.Id.Value, c.Name, c.Email, c.MarketingConsent, c.Status?.Value, Json(c.CustomData), c.Locale, c.CreatedAt, c.UpdatedAt, Json(c.ImportMeta),
    ]);

    internal static MirrorRow Of(Address a) => new(MirrorTable.Addresses, a.Id.Value, a.CustomerId.Value, Updated(a.UpdatedAt, a.CreatedAt),
    [
        a.Id.Value, a.CustomerId.Value, a.Description, a.FirstLine, a.SecondLine, a.City, a.PostalCode, a.Region, a.Country?.Value,
        Json(a.CustomData), a.Status?.Value, a.CreatedAt, a.UpdatedAt, Json(a.ImportMeta),
    ]);

    internal static MirrorRow Of(Business b) => new(MirrorTable.Businesses, b.Id.Value, b.CustomerId.Value, Updated(b.UpdatedAt, b.CreatedAt),
    [
        b.Id.Value, b.CustomerId.Value, b.Name, b.CompanyNumber, b.TaxIdentifier, b.Status?.Value, Contacts(b.Contacts), Json(b.CustomData),
        Json(b.ImportMeta), b.CreatedAt, b.UpdatedAt,
    ]);

    internal static MirrorRow Of(PaymentMethod m) => new(MirrorTable.PaymentMethods, m.Id.Value, m.CustomerId.Value, Updated(m.UpdatedAt, m.SavedAt),
    [
        m.Id.Value, m.CustomerId.Value, m.AddressId?.Value, m.Type?.Value, Card(m.Card), PayPal(m.PayPal), KoreanCard(m.SouthKoreaLocalCard),
        m.Origin?.Value, m.SavedAt, m.UpdatedAt,
    ]);

    /// <summary>The state's time: its <c>updated_at</c>, or when it was made where a server leaves that out.</summary>
    private static DateTimeOffset Updated(DateTimeOffset? updated, DateTimeOffset? created) => updated ?? created ?? DateTimeOffset.MinValue;

    private static string? Json(JsonObject? value) => value?.ToJsonString();

    private static string? Json(ImportMeta? meta) => meta is null ? null : Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("external_id"u8, meta.ExternalId);
        w.WriteString("imported_from"u8, meta.ImportedFrom);
        w.WriteEndObject();
    });

    private static string? Contacts(IReadOnlyList<BusinessContact>? contacts) => contacts is null ? null : Write(w =>
    {
        w.WriteStartArray();
        foreach (BusinessContact contact in contacts)
        {
            w.WriteStartObject();
            w.WriteString("name"u8, contact.Name);
            w.WriteString("email"u8, contact.Email);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    private static string? Card(PaymentCard? card) => card is null ? null : Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("type"u8, card.Type?.Value);
        w.WriteString("last4"u8, card.Last4);
        Number(w, "expiry_month"u8, card.ExpiryMonth);
        Number(w, "expiry_year"u8, card.ExpiryYear);
        w.WriteString("cardholder_name"u8, card.CardholderName);
        w.WriteEndObject();
    });

    private static string? PayPal(PayPalAccount? account) => account is null ? null : Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("email"u8, account.Email);
        w.WriteString("reference"u8, account.Reference);
        w.WriteEndObject();
    });

    private static string? KoreanCard(SouthKoreaLocalCard? card) => card is null ? null : Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("type"u8, card.Type);
        w.WriteString("last4"u8, card.Last4);
        w.WriteEndObject();
    });

    private static void Number(Utf8JsonWriter writer, ReadOnlySpan<byte> name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
