using System.Text.Json.Nodes;

namespace CustomerAddresses.Client.ReliabilityTests;

/// <summary><c>ToString()</c> of every model, request and option set shows ids and statuses, never personal data or secrets.</summary>
public sealed class PersonalDataTests
{
    private const string Email = "grace.hopper@navy.example";
    private const string Phone = "+1-202-555-0143";
    private const string Name = "Grace Brewster Hopper";
    private const string Street = "1600 Pennsylvania Avenue";
    private const string Postal = "20500";
    private const string Secret = "ssn-078-05-1120";

    public static TheoryData<string, object> Values => new()
    {
        { "Customer", new Customer { Id = CustomerId.Parse("ctm_1"), Name = Name, Email = Email, Phone = Phone, Address = new CustomerPostalAddress { City = Street }, PaymentMethod = Secret, CustomData = new JsonObject { ["ssn"] = Secret } } },
        { "CreateCustomerRequest", new CreateCustomerRequest { Name = Name, Email = Email, Phone = Phone, PaymentMethod = Secret, CustomData = new JsonObject { ["ssn"] = Secret } } },
        { "Address", new Address { Id = AddressId.Parse("add_1"), Description = Name, FirstLine = Street, SecondLine = Phone, City = Email, PostalCode = Postal, Region = Secret, CustomData = new JsonObject { ["ssn"] = Secret } } },
        { "CreateAddressRequest", new CreateAddressRequest { Region = Secret, City = Email, Country = "US", Description = Name, FirstLine = Street, SecondLine = Phone, PostalCode = Postal } },
        { "BillingAddress", new BillingAddress { Id = BillingAddressId.Parse("1"), Name = Name, Company = Email, AddressLine1 = Street, AddressLine2 = Phone, City = Secret, State = Secret, PostalCode = Postal } },
        { "AddBillingAddressRequest", new AddBillingAddressRequest { Name = Name, Company = Email, AddressLine1 = Street, AddressLine2 = Phone, City = Secret, State = Secret, PostalCode = Postal, Country = "US" } },
        { "ReplaceBillingAddressRequest", new ReplaceBillingAddressRequest { Address = Street, City = Email, State = Phone, PostalCode = Postal, Country = "US" } },
        { "CustomerPostalAddress", new CustomerPostalAddress { City = Street, Country = "US" } },
        { "ListAddressesOptions", new ListAddressesOptions { Search = Email, PerPage = 10 } },
        { "options with user information", new CustomerAddressesClientOptions { BaseAddress = new Uri($"https://{Name.Replace(' ', '_')}:{Secret}@api.example.com/v1/"), ApiKey = Secret, SessionToken = Secret } },
        { "options with a query string secret", new CustomerAddressesClientOptions { BaseAddress = new Uri($"https://api.example.com/v1/?token={Secret}#{Email}") } },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void ToString_shows_no_personal_data(string what, object value)
    {
        string text = value.ToString()!;

        foreach (string personal in new[] { Email, Phone, Name, Name.Replace(' ', '_'), Street, Postal, Secret })
        {
            Assert.False(text.Contains(personal, StringComparison.Ordinal), $"{what}: {text}");
        }

        Assert.NotEmpty(text);
    }

    [Fact]
    public void ToString_still_says_which_record_it_is()
    {
        Assert.Equal("Customer { Id = ctm_1, Status = active, Locale = , CreatedAt = , UpdatedAt = , (name, email, phone, address, payment method and custom data not shown) }",
            new Customer { Id = CustomerId.Parse("ctm_1"), Status = CustomerStatus.Active, Email = Email }.ToString());
    }
}
