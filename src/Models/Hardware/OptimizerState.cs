namespace FgsActors.Models.Hardware;

/// <summary>
/// Parameter-sized buffers an optimiser keeps, as a multiple of the parameter memory. These are the algorithms'
/// definitions, not measurements: momentum SGD keeps one velocity per parameter (Polyak 1964; PyTorch
/// <c>torch.optim.SGD</c> momentum_buffer), Adam keeps first and second moments (Kingma and Ba, ICLR 2015).
/// </summary>
public static class OptimizerState
{
    /// <summary>Plain SGD: no state.</summary>
    public const int Sgd = 0;

    /// <summary>SGD with momentum: one velocity buffer.</summary>
    public const int SgdMomentum = 1;

    /// <summary>Adam / AdamW: two moment buffers.</summary>
    public const int Adam = 2;
}
