using CustomerAddresses.Client.Configuration;
using CustomerAddresses.Client.Diagnostics;
using Polly;
using Polly.Timeout;

namespace CustomerAddresses.Client.Transport;

/// <summary>The standalone client's fixed pipeline, run inside the handler: the retries, and each attempt under its timeout, reading the body.</summary>
internal sealed partial class ClientRequestHandler
{
    /// <summary>Runs the standalone pipeline: each attempt sends to the socket handler and reads the body inside the attempt.</summary>
    private async Task<HttpResponseMessage> SendThroughPipelineAsync(ResiliencePipeline<HttpResponseMessage> pipeline, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.SetRequestMessage(request); // the strategies' callbacks read it, as they do under dependency injection
        try
        {
            Outcome<HttpResponseMessage> outcome = await pipeline.ExecuteOutcomeAsync(
                static async (context, state) =>
                {
                    // The attempt timeout, applied here rather than as a strategy: the same exception for the retry
                    // rules, the same log line, one async layer fewer.
                    ClientSettings settings = state.Handler._settings;
                    CancellationToken outer = context.CancellationToken;
                    using CallDeadline attempt = CallDeadline.Start(settings.AttemptTimeout, settings.TimeProvider, outer);
                    try
                    {
                        HttpResponseMessage response = await state.Handler.SendInnerAsync(state.Request, attempt.Token).ConfigureAwait(false);
                        await ResponseBuffer.BufferAsync(response, attempt.Token).ConfigureAwait(false);
                        return Outcome.FromResult(response);
                    }
                    catch (OperationCanceledException e) when (attempt.IsCancellationRequested && !outer.IsCancellationRequested)
                    {
                        ResilienceLog.AttemptTimedOut(state.Handler._logger, state.Request.Method.Method, RouteOf(state.Request), settings.AttemptTimeout.TotalMilliseconds, IdOf(state.Request));
                        return Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException(
                            $"The attempt did not complete within {settings.AttemptTimeout.TotalSeconds:0.###} s.", settings.AttemptTimeout, e));
                    }
                    catch (Exception e)
                    {
                        return Outcome.FromException<HttpResponseMessage>(e);
                    }
                },
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
