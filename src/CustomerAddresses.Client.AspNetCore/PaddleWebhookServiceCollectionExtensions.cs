using CustomerAddresses.Client;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the <see cref="PaddleWebhookVerifier"/> that <c>MapPaddleWebhooks</c> uses.</summary>
public static class PaddleWebhookServiceCollectionExtensions
{
    /// <summary>Registers one <see cref="PaddleWebhookVerifier"/> with the secret keys and tolerance set by <paramref name="configure"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the secret keys (two while a key rotates), and optionally the tolerance and clock.</param>
    /// <returns>The service collection, for chaining.</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddPaddleWebhooks(o => o.SecretKeys.Add(builder.Configuration["Paddle:WebhookSecret"]!));
    /// </code>
    /// </example>
    public static IServiceCollection AddPaddleWebhooks(this IServiceCollection services, Action<PaddleWebhookOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<PaddleWebhookOptions>().Configure(configure);
        services.AddSingleton(provider => new PaddleWebhookVerifier(provider.GetRequiredService<IOptions<PaddleWebhookOptions>>().Value));
        return services;
    }
}
