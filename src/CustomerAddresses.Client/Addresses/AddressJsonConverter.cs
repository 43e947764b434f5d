using System.Text.Json;
using CustomerAddresses.Client.Primitives;
using CustomerAddresses.Client.Serialization;

namespace CustomerAddresses.Client.Addresses;

/// <summary>
/// Reads an <see cref="Address"/> member by member straight into its initializer (see <see cref="ModelJson"/>), with
/// the rules of its declared members: <c>id</c> required, unknown members ignored, <c>country</c> preferred to Paddle's
/// <c>country_code</c>; writes the members that are set, by the same names.
/// </summary>
internal sealed class AddressJsonConverter : ModelJsonConverter<Address>
{
    public override Address Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ModelJson.ExpectObject<Address>(ref reader);
        AddressId? id = null;
        CustomerId customerId = default;
        AddressStatus? status = null;
        CountryCode? country = null, countryCode = null;
        string? description = null, firstLine = null, secondLine = null, city = null, postalCode = null, region = null;
        System.Text.Json.Nodes.JsonObject? customData = null;
        ImportMeta? importMeta = null;
        DateTimeOffset? createdAt = null, updatedAt = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            ReadOnlySpan<byte> name = ModelJson.Name(ref reader);
            reader.Read();
            if (name.SequenceEqual("id"u8)) { id = ModelJson.Id<AddressId>(ref reader); }
            else if (name.SequenceEqual("customer_id"u8)) { customerId = ModelJson.Id<CustomerId>(ref reader); }
            else if (name.SequenceEqual("status"u8)) { status = ModelJson.Expandable<AddressStatus>(ref reader); }
            else if (name.SequenceEqual("description"u8)) { description = ModelJson.String(ref reader); }
            else if (name.SequenceEqual("first_line"u8)) { firstLine = ModelJson.String(ref reader); }
            else if (name.SequenceEqual("second_line"u8)) { secondLine = ModelJson.String(ref reader); }
            else if (name.SequenceEqual("city"u8)) { city = ModelJson.String(ref reader); }
            else if (name.SequenceEqual("postal_code"u8)) { postalCode = ModelJson.String(ref reader); }
            else if (name.SequenceEqual("region"u8)) { region = ModelJson.String(ref reader); }
            else if (name.SequenceEqual("country_code"u8)) { countryCode = ModelJson.Expandable<CountryCode>(ref reader); }
            else if (name.SequenceEqual("country"u8)) { country = ModelJson.Expandable<CountryCode>(ref reader); }
            else if (name.SequenceEqual("custom_data"u8)) { customData = ModelJson.Object(ref reader); }
            else if (name.SequenceEqual("import_meta"u8)) { importMeta = ModelJson.Nested(ref reader, SharedJsonContext.Default.ImportMeta); }
            else if (name.SequenceEqual("created_at"u8)) { createdAt = ModelJson.Timestamp(ref reader); }
            else if (name.SequenceEqual("updated_at"u8)) { updatedAt = ModelJson.Timestamp(ref reader); }
            else { reader.Skip(); }
        }

        return new Address
        {
            Id = id ?? throw ModelJson.MissingId<Address>(),
            CustomerId = customerId,
            Status = status,
            Description = description,
            FirstLine = firstLine,
            SecondLine = secondLine,
            City = city,
            PostalCode = postalCode,
            Region = region,
            Country = country ?? countryCode,
            CustomData = customData,
            ImportMeta = importMeta,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
        };
    }

    public override void Write(Utf8JsonWriter writer, Address value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("id"u8, value.Id.Value);
        writer.WriteString("customer_id"u8, value.CustomerId.Value);
        ModelJson.WriteIfSet(writer, "status"u8, value.Status);
        ModelJson.WriteIfSet(writer, "description"u8, value.Description);
        ModelJson.WriteIfSet(writer, "first_line"u8, value.FirstLine);
        ModelJson.WriteIfSet(writer, "second_line"u8, value.SecondLine);
        ModelJson.WriteIfSet(writer, "city"u8, value.City);
        ModelJson.WriteIfSet(writer, "postal_code"u8, value.PostalCode);
        ModelJson.WriteIfSet(writer, "region"u8, value.Region);
        ModelJson.WriteIfSet(writer, "country"u8, value.Country);
        ModelJson.WriteIfSet(writer, "custom_data"u8, value.CustomData);
        ModelJson.WriteIfSet(writer, "import_meta"u8, value.ImportMeta, SharedJsonContext.Default.ImportMeta);
        ModelJson.WriteIfSet(writer, "created_at"u8, value.CreatedAt);
        ModelJson.WriteIfSet(writer, "updated_at"u8, value.UpdatedAt);
        writer.WriteEndObject();
    }
}
