using CustomerAddresses.Client.Configuration;
using CustomerAddresses.Client.Resilience;
using CustomerAddresses.Client.Transport;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;

namespace CustomerAddresses.Client.Core;

/// <summary>
/// The handler chain of a standalone client, in the order dependency injection builds it: request identity and logs,
/// credentials, then retries and timeouts around the per-attempt body buffering and the socket.
/// </summary>
internal static class ClientPipeline
{
    internal static HttpMessageHandler Create(ClientSettings settings, ILogger logger, HttpMessageHandler primaryHandler) =>
        new ClientRequestHandler(settings, logger, pipelineIsFixed: true)
        {
            InnerHandler = new AuthenticationHandler(settings, logger)
            {
                InnerHandler = new ResilienceHandler(ResiliencePipelineSetup.Build(settings, logger))
                {
                    InnerHandler = new ResponseBufferingHandler { InnerHandler = primaryHandler },
                },
            },
        };
}
