namespace FgsActors.Simulation.Kernel;

/// <summary>
/// Which partition hosts which entity: contiguous blocks of ids, so partition p hosts
/// ids [p·N/P, (p+1)·N/P). Placement only decides where work happens; results never depend on it.
/// </summary>
public sealed class Placement
{
    private readonly int _entityCount;

    public Placement(int entityCount, int partitions)
    {
        if (entityCount <= 0) throw new ArgumentOutOfRangeException(nameof(entityCount), entityCount, "a model needs at least one entity");
        if (partitions <= 0) throw new ArgumentOutOfRangeException(nameof(partitions), partitions, "at least one partition is needed");
        _entityCount = entityCount;
        // More partitions than entities would leave some empty; cap so every partition hosts someone.
        Partitions = Math.Min(partitions, entityCount);
    }

    public int Partitions { get; }

    public int EntityCount => _entityCount;

    public int FirstEntity(int partition) => (int)((long)partition * _entityCount / Partitions);

    public int EndEntity(int partition) => (int)((long)(partition + 1) * _entityCount / Partitions);

    public int PartitionOf(int entity)
    {
        if ((uint)entity >= (uint)_entityCount) throw new ArgumentOutOfRangeException(nameof(entity), entity, $"entity ids run from 0 to {_entityCount - 1}");
        // Start from the proportional guess and correct for rounding of the block bounds.
        var p = (int)((long)entity * Partitions / _entityCount);
        while (entity < FirstEntity(p)) p--;
        while (entity >= EndEntity(p)) p++;
        return p;
    }
}
