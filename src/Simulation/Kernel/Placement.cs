namespace FgsActors.Simulation.Kernel;

/// <summary>
/// Which partition hosts which entity: contiguous blocks of ids, partition p starting near p·N/P. A model may ask
/// that some entities stay with the one before them (<see cref="ISimulationModel.KeepsWithPrevious"/>, e.g. a device
/// and its link); block starts then move forward past such ids. Placement only decides where work happens; results
/// never depend on it.
/// </summary>
public sealed class Placement
{
    private readonly int _entityCount;
    private readonly int[]? _starts; // null: plain proportional blocks

    public Placement(int entityCount, int partitions, Func<int, bool>? keepsWithPrevious = null)
    {
        if (entityCount <= 0) throw new ArgumentOutOfRangeException(nameof(entityCount), entityCount, "a model needs at least one entity");
        if (partitions <= 0) throw new ArgumentOutOfRangeException(nameof(partitions), partitions, "at least one partition is needed");
        _entityCount = entityCount;
        // More partitions than entities would leave some empty; cap so every partition hosts someone.
        Partitions = Math.Min(partitions, entityCount);
        if (keepsWithPrevious is null) return;

        var starts = new List<int>(Partitions) { 0 };
        for (var p = 1; p < Partitions; p++)
        {
            var start = (int)((long)p * entityCount / Partitions);
            while (start < entityCount && keepsWithPrevious(start)) start++;
            // Moved starts can meet or pass the next block's: such a partition would be empty and is dropped.
            if (start < entityCount && start > starts[^1]) starts.Add(start);
        }
        _starts = [.. starts];
        Partitions = _starts.Length;
    }

    /// <summary>The placement of <paramref name="model"/>'s entities on <paramref name="partitions"/> partitions.</summary>
    public static Placement For(ISimulationModel model, int partitions)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new Placement(model.EntityCount, partitions, model.KeepsWithPrevious);
    }

    public int Partitions { get; }

    public int EntityCount => _entityCount;

    public int FirstEntity(int partition) =>
        _starts is null ? (int)((long)partition * _entityCount / Partitions) : _starts[partition];

    public int EndEntity(int partition) =>
        _starts is null ? (int)((long)(partition + 1) * _entityCount / Partitions)
        : partition + 1 < _starts.Length ? _starts[partition + 1] : _entityCount;

    public int PartitionOf(int entity)
    {
        if ((uint)entity >= (uint)_entityCount) throw new ArgumentOutOfRangeException(nameof(entity), entity, $"entity ids run from 0 to {_entityCount - 1}");
        if (_starts is not null)
        {
            var at = Array.BinarySearch(_starts, entity);
            return at >= 0 ? at : ~at - 1;
        }
        // Start from the proportional guess and correct for rounding of the block bounds.
        var p = (int)((long)entity * Partitions / _entityCount);
        while (entity < FirstEntity(p)) p--;
        while (entity >= EndEntity(p)) p++;
        return p;
    }
}
