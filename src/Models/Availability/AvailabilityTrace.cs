namespace FgsActors.Models.Availability;

/// <summary>A parsed availability trace: the replayed availability of every device that has rows.</summary>
public sealed class AvailabilityTrace
{
    private readonly Dictionary<string, TraceAvailability> _devices;

    /// <param name="devices">Availability per device id (ordinal ids).</param>
    public AvailabilityTrace(IReadOnlyDictionary<string, TraceAvailability> devices)
    {
        ArgumentNullException.ThrowIfNull(devices);
        _devices = new Dictionary<string, TraceAvailability>(devices, StringComparer.Ordinal);
        DeviceIds = [.. _devices.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>Ids of the devices with rows, in ordinal order (deterministic iteration).</summary>
    public IReadOnlyList<string> DeviceIds { get; }

    /// <summary>True when the trace has rows for the device.</summary>
    public bool Contains(string deviceId) => _devices.ContainsKey(deviceId);

    /// <summary>The device's availability; a device without rows is never online.</summary>
    public TraceAvailability ForDevice(string deviceId) =>
        _devices.TryGetValue(deviceId, out var trace) ? trace : TraceAvailability.Never;
}
