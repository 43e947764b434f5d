using System.Text.Json;
using CustomerAddresses.Client.Serialization;

namespace CustomerAddresses.Client.BillingAddresses;

/// <summary>
/// Reads a <see cref="BillingAddress"/> member by member straight into its initializer (see <see cref="ModelJson"/>),
/// with the rules of its declared members: <c>id</c> required, unknown members ignored, <c>address_line_1</c> preferred
/// to Wacht's <c>address</c>, a missing <c>is_default</c> false; writes the members that are set, by the same names.
/// </summary>
internal sealed class BillingAddressJsonConverter : ModelJsonConverter<BillingAddress>
{
    public override BillingAddress Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ModelJson.ExpectObject<BillingAddress>(ref reader);
        BillingAddressId? id = null;
        string? name = null, company = null, line1 = null, wachtLine1 = null, line2 = null, city = null, state = null, postalCode = null;
        CountryCode? country = null;
        bool isDefault = false;
        DateTimeOffset? createdAt = null, updatedAt = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            ReadOnlySpan<byte> member = ModelJson.Name(ref reader);
            reader.Read();
            if (member.SequenceEqual("id"u8)) { id = ModelJson.Id<BillingAddressId>(ref reader); }
            else if (member.SequenceEqual("name"u8)) { name = ModelJson.String(ref reader); }
            else if (member.SequenceEqual("company"u8)) { company = ModelJson.String(ref reader); }
            else if (member.SequenceEqual("address_line_1"u8)) { line1 = ModelJson.String(ref reader); }
            else if (member.SequenceEqual("address"u8)) { wachtLine1 = ModelJson.String(ref reader); }
            else if (member.SequenceEqual("address_line_2"u8)) { line2 = ModelJson.String(ref reader); }
            else if (member.SequenceEqual("city"u8)) { city = ModelJson.String(ref reader); }
            else if (member.SequenceEqual("state"u8)) { state = ModelJson.String(ref reader); }
            else if (member.SequenceEqual("postal_code"u8)) { postalCode = ModelJson.String(ref reader); }
            else if (member.SequenceEqual("country"u8)) { country = ModelJson.Expandable<CountryCode>(ref reader); }
            else if (member.SequenceEqual("is_default"u8)) { isDefault = ModelJson.Boolean(ref reader) ?? throw new JsonException("Expected a JSON boolean for is_default, found Null."); }
            else if (member.SequenceEqual("created_at"u8)) { createdAt = ModelJson.Timestamp(ref reader); }
            else if (member.SequenceEqual("updated_at"u8)) { updatedAt = ModelJson.Timestamp(ref reader); }
            else { reader.Skip(); }
        }

        return new BillingAddress
        {
            Id = id ?? throw ModelJson.MissingId<BillingAddress>(),
            Name = name,
            Company = company,
            AddressLine1 = line1 ?? wachtLine1,
            AddressLine2 = line2,
            City = city,
            State = state,
            PostalCode = postalCode,
            Country = country,
            IsDefault = isDefault,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
        };
    }

    public override void Write(Utf8JsonWriter writer, BillingAddress value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("id"u8, value.Id.Value);
        ModelJson.WriteIfSet(writer, "name"u8, value.Name);
        ModelJson.WriteIfSet(writer, "company"u8, value.Company);
        ModelJson.WriteIfSet(writer, "address_line_1"u8, value.AddressLine1);
        ModelJson.WriteIfSet(writer, "address_line_2"u8, value.AddressLine2);
        ModelJson.WriteIfSet(writer, "city"u8, value.City);
        ModelJson.WriteIfSet(writer, "state"u8, value.State);
        ModelJson.WriteIfSet(writer, "postal_code"u8, value.PostalCode);
        ModelJson.WriteIfSet(writer, "country"u8, value.Country);
        writer.WriteBoolean("is_default"u8, value.IsDefault);
        ModelJson.WriteIfSet(writer, "created_at"u8, value.CreatedAt);
        ModelJson.WriteIfSet(writer, "updated_at"u8, value.UpdatedAt);
        writer.WriteEndObject();
    }
}
