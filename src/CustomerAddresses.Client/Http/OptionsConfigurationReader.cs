using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace CustomerAddresses.Client.Http;

/// <summary>
/// Reads the options from configuration by hand: no reflection (the package is trimmable and AOT-safe), and a
/// message naming the key when a value cannot be read. A key that is absent leaves the option as it was.
/// </summary>
internal static class OptionsConfigurationReader
{
    internal static void Apply(IConfiguration section, CustomerAddressesClientOptions options)
    {
        string path = section is IConfigurationSection s ? s.Path + ":" : string.Empty;

        if (section[nameof(options.BaseAddress)] is { Length: > 0 } baseAddress)
        {
            options.BaseAddress = Uri.TryCreate(baseAddress, UriKind.Absolute, out Uri? uri)
                ? uri
                : throw new InvalidOperationException($"Configuration value '{path}{nameof(options.BaseAddress)}' is not an absolute URI.");
        }

        if (section[nameof(options.ApiKey)] is { } apiKey)
        {
            options.ApiKey = apiKey;
        }

        if (section[nameof(options.SessionToken)] is { } sessionToken)
        {
            options.SessionToken = sessionToken;
        }

        if (section[nameof(options.AllowInsecureHttp)] is { Length: > 0 } allow)
        {
            options.AllowInsecureHttp = bool.TryParse(allow, out bool value)
                ? value
                : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Configuration value '{path}{nameof(options.AllowInsecureHttp)}' must be true or false."));
        }
    }
}
