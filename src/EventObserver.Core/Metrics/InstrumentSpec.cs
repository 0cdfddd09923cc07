namespace EventObserver.Core.Metrics;

/// <summary>One instrument as OpenTelemetry sees it: its meter, name, unit (UCUM) and description.</summary>
/// <param name="Meter">The meter that owns it (one of <see cref="TelemetryNames"/>).</param>
/// <param name="Name">Dotted OpenTelemetry name, prefix <c>eventobserver.</c>.</param>
/// <param name="Unit">UCUM unit; <c>{…}</c> annotations are dropped by the Prometheus exporter, <c>s</c> and <c>By</c> become suffixes.</param>
/// <param name="Description">What it measures; the Prometheus <c># HELP</c> line.</param>
public sealed record InstrumentSpec(string Meter, string Name, string Unit, string Description);
