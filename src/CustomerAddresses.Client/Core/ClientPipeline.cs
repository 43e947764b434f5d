using CustomerAddresses.Client.Configuration;
using CustomerAddresses.Client.Resilience;
using CustomerAddresses.Client.Transport;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;

namespace CustomerAddresses.Client.Core;

/// <summary>
/// The handler chain of a standalone client: the one dependency injection registers
/// (<c>AddCustomerAddressesClient</c>), handler for handler and in the same order, over the given primary handler.
/// </summary>
/// <remarks>
/// <see cref="ClientRequestHandler"/> (call identity, credentials, session, logs, the call's deadline) →
/// Microsoft's <see cref="ResilienceHandler"/> running <see cref="ResiliencePipelineSetup"/>'s pipeline (total timeout →
/// retry → attempt timeout) → <see cref="ResponseBufferingHandler"/> (each attempt's body read inside the attempt) →
/// the socket.
/// </remarks>
internal static class ClientPipeline
{
    internal static HttpMessageHandler Create(ClientSettings settings, ILogger logger, HttpMessageHandler primaryHandler) =>
        new ClientRequestHandler(settings, logger)
        {
            InnerHandler = new ResilienceHandler(ResiliencePipelineSetup.Build(settings, logger))
            {
                InnerHandler = new ResponseBufferingHandler(settings) { InnerHandler = primaryHandler },
            },
        };
}
