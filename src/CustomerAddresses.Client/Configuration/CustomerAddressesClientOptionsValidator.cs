using Microsoft.Extensions.Options;

namespace CustomerAddresses.Client.Configuration;

/// <summary>Validates the options at host start-up with the same rules as the standalone constructor.</summary>
internal sealed class CustomerAddressesClientOptionsValidator : IValidateOptions<CustomerAddressesClientOptions>
{
    public ValidateOptionsResult Validate(string? name, CustomerAddressesClientOptions options)
    {
        IReadOnlyList<string> problems = ClientSettings.Validate(options);
        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problems.Select(p => "CustomerAddresses client options: " + p));
    }
}
