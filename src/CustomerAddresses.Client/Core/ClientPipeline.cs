using CustomerAddresses.Client.Configuration;
using CustomerAddresses.Client.Resilience;
using CustomerAddresses.Client.Transport;
using Microsoft.Extensions.Logging;

namespace CustomerAddresses.Client.Core;

/// <summary>
/// The handler chain of a standalone client: one handler that adds the call's identity, credentials and logs, runs the
/// retry and timeout pipeline, and reads each attempt's body, over the socket handler. Dependency injection builds the
/// same steps as separate handlers, so that a caller can replace the pipeline.
/// </summary>
internal static class ClientPipeline
{
    internal static HttpMessageHandler Create(ClientSettings settings, ILogger logger, HttpMessageHandler primaryHandler) =>
        new ClientRequestHandler(settings, logger, ResiliencePipelineSetup.Build(settings, logger)) { InnerHandler = primaryHandler };
}
