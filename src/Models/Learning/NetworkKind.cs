namespace FgsActors.Models.Learning;

/// <summary>Networks in <see cref="NetworkCatalog"/>. Add a member and a case there to offer another one.</summary>
public enum NetworkKind
{
    /// <summary>
    /// LeNet-5-style CNN of NIID-Bench's MNIST/FMNIST setup (Li et al., "Federated Learning on Non-IID Data Silos:
    /// An Experimental Study", ICDE 2022; <c>SimpleCNNMNIST</c>): conv 1→6 k5, ReLU, max-pool 2, conv 6→16 k5, ReLU,
    /// max-pool 2, fc 16·4·4→120, ReLU, fc 120→84, ReLU, fc 84→10.
    /// </summary>
    LeNet5,

    /// <summary>Two-hidden-layer perceptron 784→200→200→10 with ReLU (McMahan et al., AISTATS 2017, "2NN").</summary>
    Mlp,
}
