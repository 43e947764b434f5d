using System.Threading.RateLimiting;

namespace CustomerAddresses.Client.RateLimiting;

/// <summary>The pacer's waiters and leases.</summary>
internal sealed partial class RequestPacer
{
    /// <summary>A caller waiting for its turn.</summary>
    private sealed class Waiter(RequestPacer pacer, int permits) : TaskCompletionSource<RateLimitLease>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        internal int Permits { get; } = permits;

        /// <summary>Its place in the line; null once it has left it (granted, cancelled or disposed). Read and written under the pacer's lock.</summary>
        internal LinkedListNode<Waiter>? Node { get; set; }

        /// <summary>Its cancellation callback while it is in the line; written under the pacer's lock.</summary>
        internal CancellationTokenRegistration Registration { get; set; }

        /// <summary>The registration taken out of the waiter when it leaves the line (under the pacer's lock), for <see cref="Release"/>.</summary>
        private CancellationTokenRegistration _leaving;

        internal void TakeRegistration()
        {
            _leaving = Registration;
            Registration = default;
        }

        /// <summary>Releases the cancellation callback, outside the pacer's lock (a callback running meanwhile takes it).</summary>
        internal void Release() => _leaving.Dispose();

        /// <summary>The caller gave up: it leaves the line and takes no turn with it.</summary>
        internal void Leave(CancellationToken token)
        {
            if (pacer.Remove(this))
            {
                Release();
                TrySetCanceled(token);
            }
        }
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public override bool IsAcquired { get; } = acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
