using System.Text.Json;
using CustomerAddresses.Client.Serialization;

namespace CustomerAddresses.Client.Customers;

/// <summary>
/// Reads a <see cref="Customer"/> member by member straight into its initializer (see <see cref="ModelJson"/>), with
/// the rules of its declared members: <c>id</c> required, unknown members ignored; writes the members that are set, by
/// the same names.
/// </summary>
internal sealed class CustomerJsonConverter : ModelJsonConverter<Customer>
{
    public override Customer Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ModelJson.ExpectObject<Customer>(ref reader);
        CustomerId? id = null;
        string? name = null, email = null, phone = null, paymentMethod = null, locale = null;
        CustomerPostalAddress? address = null;
        CustomerStatus? status = null;
        bool? marketingConsent = null;
        System.Text.Json.Nodes.JsonObject? customData = null;
        ImportMeta? importMeta = null;
        DateTimeOffset? createdAt = null, updatedAt = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            ReadOnlySpan<byte> member = ModelJson.Name(ref reader);
            reader.Read();
            if (member.SequenceEqual("id"u8)) { id = ModelJson.Id<CustomerId>(ref reader); }
            else if (member.SequenceEqual("name"u8)) { name = ModelJson.String(ref reader); }
            else if (member.SequenceEqual("email"u8)) { email = ModelJson.String(ref reader); }
            else if (member.SequenceEqual("phone"u8)) { phone = ModelJson.String(ref reader); }
            else if (member.SequenceEqual("address"u8)) { address = ModelJson.Nested(ref reader, CustomersJsonContext.Default.CustomerPostalAddress); }
            else if (member.SequenceEqual("payment_method"u8)) { paymentMethod = ModelJson.String(ref reader); }
            else if (member.SequenceEqual("status"u8)) { status = ModelJson.Expandable<CustomerStatus>(ref reader); }
            else if (member.SequenceEqual("locale"u8)) { locale = ModelJson.String(ref reader); }
            else if (member.SequenceEqual("marketing_consent"u8)) { marketingConsent = ModelJson.Boolean(ref reader); }
            else if (member.SequenceEqual("custom_data"u8)) { customData = ModelJson.Object(ref reader); }
            else if (member.SequenceEqual("import_meta"u8)) { importMeta = ModelJson.Nested(ref reader, SharedJsonContext.Default.ImportMeta); }
            else if (member.SequenceEqual("created_at"u8)) { createdAt = ModelJson.Timestamp(ref reader); }
            else if (member.SequenceEqual("updated_at"u8)) { updatedAt = ModelJson.Timestamp(ref reader); }
            else { reader.Skip(); }
        }

        return new Customer
        {
            Id = id ?? throw ModelJson.MissingId<Customer>(),
            Name = name,
            Email = email,
            Phone = phone,
            Address = address,
            PaymentMethod = paymentMethod,
            Status = status,
            Locale = locale,
            MarketingConsent = marketingConsent,
            CustomData = customData,
            ImportMeta = importMeta,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
        };
    }

    public override void Write(Utf8JsonWriter writer, Customer value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("id"u8, value.Id.Value);
        ModelJson.WriteIfSet(writer, "name"u8, value.Name);
        ModelJson.WriteIfSet(writer, "email"u8, value.Email);
        ModelJson.WriteIfSet(writer, "phone"u8, value.Phone);
        ModelJson.WriteIfSet(writer, "address"u8, value.Address, CustomersJsonContext.Default.CustomerPostalAddress);
        ModelJson.WriteIfSet(writer, "payment_method"u8, value.PaymentMethod);
        ModelJson.WriteIfSet(writer, "status"u8, value.Status);
        ModelJson.WriteIfSet(writer, "locale"u8, value.Locale);
        ModelJson.WriteIfSet(writer, "marketing_consent"u8, value.MarketingConsent);
        ModelJson.WriteIfSet(writer, "custom_data"u8, value.CustomData);
        ModelJson.WriteIfSet(writer, "import_meta"u8, value.ImportMeta, SharedJsonContext.Default.ImportMeta);
        ModelJson.WriteIfSet(writer, "created_at"u8, value.CreatedAt);
        ModelJson.WriteIfSet(writer, "updated_at"u8, value.UpdatedAt);
        writer.WriteEndObject();
    }
}
