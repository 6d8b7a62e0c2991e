using System.Text;

namespace Pipeline.Host;

/// <summary>The jobs' progress lines (written for a console) as structured log entries.</summary>
internal sealed class LoggerWriter(ILogger logger) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void WriteLine(string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            logger.LogInformation("{Progress}", value);
        }
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }
}
