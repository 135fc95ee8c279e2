namespace FgsActors.Simulation.Federation;

/// <summary>
/// Entity ids of a fleet run: the aggregator is 0; device i is 1 + 2i and its link 2 + 2i, so a device and its link
/// sit next to each other and contiguous placement keeps them in the same partition.
/// </summary>
public static class FleetLayout
{
    public const int AggregatorId = 0;

    public static int EntityCount(int devices) => checked(1 + 2 * devices);

    public static int DeviceId(int index) => 1 + 2 * index;

    public static int LinkId(int index) => 2 + 2 * index;

    public static bool IsDevice(int id) => id > 0 && (id & 1) == 1;

    public static int IndexOfDevice(int id) => (id - 1) >> 1;

    public static int IndexOfLink(int id) => (id - 2) >> 1;
}
