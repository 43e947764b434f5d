using System.Globalization;
using CustomerAddresses.Client.Testing;

namespace CustomerAddresses.Client.Tests.Shared;

/// <summary>
/// Random changes to a customer base through the API, as a live system makes them: customers, addresses and businesses
/// created, updated, archived and reactivated; payment methods saved (as a checkout would) and deleted. Seeded, so a
/// failing run can be repeated.
/// </summary>
internal sealed class MirrorWorkload(CustomerAddressesClient client, CustomerAddressesEmulator emulator, int seed)
{
    private readonly Random _random = new(seed);
    private readonly List<CustomerId> _customers = [];
    private readonly Dictionary<CustomerId, List<AddressId>> _addresses = [];
    private readonly Dictionary<CustomerId, List<BusinessId>> _businesses = [];
    private readonly Dictionary<CustomerId, List<PaymentMethodId>> _methods = [];
    private int _made;

    /// <summary>Makes <paramref name="count"/> changes, one after another, each up to <paramref name="pace"/> after the last.</summary>
    internal async Task RunAsync(int count, TimeSpan pace = default, CancellationToken cancellationToken = default)
    {
        for (int i = 0; i < count; i++)
        {
            if (pace > TimeSpan.Zero)
            {
                await Task.Delay(pace * _random.NextDouble(), cancellationToken); // a live system's changes, spread out
            }

            try
            {
                await ChangeAsync(cancellationToken);
            }
            catch (Exception e) when (e is CustomerAddressesApiException or HttpRequestException or TimeoutException)
            {
                // The emulator's faults: the change may or may not have happened, as on a real network. The mirror must
                // end equal to whatever the server holds.
            }
        }
    }

    private async Task ChangeAsync(CancellationToken cancellationToken)
    {
        int n = Interlocked.Increment(ref _made);
        int kind = _customers.Count < 3 ? 0 : _random.Next(12);
        CustomerId customer = _customers.Count > 0 ? _customers[_random.Next(_customers.Count)] : default;
        string word = n.ToString(CultureInfo.InvariantCulture);
        switch (kind)
        {
            case 0:
                Customer created = await client.Customers.CreateAsync(new CreateCustomerRequest { Email = $"c{word}@example.com", Name = $"Customer {word}", Locale = "en" }, cancellationToken);
                _customers.Add(created.Id);
                break;
            case 1:
                await client.Customers.UpdateAsync(customer, new UpdateCustomerRequest { Name = $"Renamed {word}" }, cancellationToken);
                break;
            case 2:
                await client.Customers.UpdateAsync(customer, new UpdateCustomerRequest { Status = _random.Next(2) == 0 ? CustomerStatus.Archived : CustomerStatus.Active }, cancellationToken);
                break;
            case 3 or 4:
                Address address = await client.Addresses.CreateAsync(customer, new CreateAddressRequest { Country = CountryCode.Parse("GB"), City = $"Town {word}", FirstLine = $"{word} Main St" }, cancellationToken);
                List(_addresses, customer).Add(address.Id);
                break;
            case 5 when List(_addresses, customer) is [_, ..] addresses:
                await client.Addresses.UpdateAsync(customer, addresses[_random.Next(addresses.Count)], _random.Next(3) == 0
                    ? new UpdateAddressRequest { Status = _random.Next(2) == 0 ? AddressStatus.Archived : AddressStatus.Active }
                    : new UpdateAddressRequest { City = $"Moved {word}" }, cancellationToken);
                break;
            case 6:
                Business business = await client.Businesses.CreateAsync(customer, new CreateBusinessRequest
                {
                    Name = $"Business {word}",
                    TaxIdentifier = $"GB{word}",
                    Contacts = [new BusinessContact { Name = "Accounts", Email = $"accounts{word}@example.com" }],
                }, cancellationToken);
                List(_businesses, customer).Add(business.Id);
                break;
            case 7 when List(_businesses, customer) is [_, ..] businesses:
                await client.Businesses.UpdateAsync(customer, businesses[_random.Next(businesses.Count)], _random.Next(3) == 0
                    ? new UpdateBusinessRequest { Status = _random.Next(2) == 0 ? BusinessStatus.Archived : BusinessStatus.Active }
                    : new UpdateBusinessRequest { Name = $"Business renamed {word}", CompanyNumber = word }, cancellationToken);
                break;
            case 8 or 9 when List(_addresses, customer) is [_, ..]:
                string saved = emulator.SavePaymentMethod(customer.Value, type: _random.Next(3) == 0 ? "paypal" : "card");
                List(_methods, customer).Add(PaymentMethodId.Parse(saved));
                break;
            case 10 when List(_methods, customer) is [_, ..] methods:
                PaymentMethodId method = methods[_random.Next(methods.Count)];
                methods.Remove(method);
                await client.PaymentMethods.DeleteAsync(customer, method, cancellationToken);
                break;
            default:
                await client.Customers.UpdateAsync(customer, new UpdateCustomerRequest { Name = $"Customer {word}" }, cancellationToken);
                break;
        }
    }

    private static List<T> List<T>(Dictionary<CustomerId, List<T>> lists, CustomerId customer) =>
        lists.TryGetValue(customer, out List<T>? list) ? list : lists[customer] = [];
}
