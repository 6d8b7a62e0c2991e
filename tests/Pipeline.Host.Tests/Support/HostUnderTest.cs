using Hangfire;
using Hangfire.Logging;
using Microsoft.AspNetCore.Builder;

namespace Pipeline.Host.Tests.Support;

/// <summary>
/// A host started by a test and stopped by it. Hangfire keeps process-wide state that a host sets when it starts (its
/// log provider over the host's logger factory, its job activator over the host's services); once the host is
/// disposed, another test's Hangfire client would log through a disposed factory. Stopping resets both.
/// </summary>
internal sealed class HostUnderTest(WebApplication app) : IAsyncDisposable
{
    public Uri Address => new(app.Urls.First());

    public static async Task<HostUnderTest> StartAsync(string[] args)
    {
        var app = HostSetup.Build(args);
        await app.StartAsync();
        return new HostUnderTest(app);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        LogProvider.SetCurrentLogProvider(null);
        JobActivator.Current = new JobActivator();
    }
}
