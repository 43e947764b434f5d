using CustomerAddresses.Client.Testing;
using CustomerAddresses.Client.Tests.Shared;

namespace CustomerAddresses.Client.IntegrationTests;

/// <summary>A test class whose every test gets a fresh emulator and a client of its Paddle dialect, both disposed after it.</summary>
public abstract class PaddleEmulatorTests : IAsyncLifetime
{
    /// <summary>Gets the emulator of the test.</summary>
    protected CustomerAddressesEmulator Emulator { get; private set; } = null!;

    /// <summary>Gets a client of the emulator's root, in Paddle's dialect.</summary>
    protected CustomerAddressesClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await CustomerAddressesEmulator.StartAsync();
        Client = TestClients.Create(Emulator.BaseAddress, o => o.Dialect = ApiDialect.PaddleBilling);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
