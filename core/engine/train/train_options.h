#pragma once

#include <cstdint>
#include <string>

namespace cgs {

// How training images are resized and cropped (the official --preprocess modes).
enum class Preprocess { ResizeAndCrop, Crop, ScaleWidth, ScaleWidthAndCrop, None };

enum class GanMode { LSGAN, Vanilla };

// Every option of a training run. Names and defaults follow the official train.py
// (pytorch-CycleGAN-and-pix2pix, --model cycle_gan); GUI, CLI and config.json share this struct.
struct TrainOptions {
    // --- data ---
    std::string dataroot;        // folder with trainA/ and trainB/
    std::string dirA;            // optional explicit domain A folder (overrides dataroot/trainA)
    std::string dirB;            // optional explicit domain B folder (overrides dataroot/trainB)
    std::string phase = "train"; // sub-folder prefix: <dataroot>/<phase>A
    Preprocess preprocess = Preprocess::ResizeAndCrop;
    int loadSize = 286;               // scale images to this size (width for scale_width*)
    int cropSize = 256;               // then crop to this size
    bool noFlip = false;              // disable random horizontal flip
    bool serialBatches = false;       // take B in order instead of at random (and A unshuffled)
    std::int64_t maxDatasetSize = -1; // cap on images per domain; -1 = no cap
    int numThreads = 4;               // data-loading (decode) threads
    int batchSize = 1;                // images per step on each process
    int worldSize = 1; // processes of a data-parallel run (set by the trainer from the process
                       // group; global batch = worldSize * batchSize); informational on load

    // --- run folder ---
    std::string name = "experiment_name";
    std::string checkpointsDir = "./checkpoints";

    // --- model ---
    int inputNc = 3;
    int outputNc = 3;
    int ngf = 64;
    int ndf = 64;
    std::string netG = "resnet_9blocks"; // resnet_9blocks | resnet_6blocks
    std::string netD = "basic";          // basic (= n_layers with 3) | n_layers
    int nLayersD = 3;
    std::string norm = "instance";    // only instance is supported
    std::string initType = "normal";  // normal | xavier | kaiming | orthogonal
    double initGain = 0.02;
    GanMode ganMode = GanMode::LSGAN;
    double lambdaA = 10.0;
    double lambdaB = 10.0;
    double lambdaIdentity = 0.5;
    int poolSize = 50;

    // --- optimisation ---
    double lr = 0.0002;
    double beta1 = 0.5;
    int nEpochs = 100;      // epochs at the initial learning rate
    int nEpochsDecay = 100; // epochs of linear decay
    int epochCount = 1;     // first epoch number (for hand-managed restarts)

    // --- saving and reporting ---
    int saveEpochFreq = 5;         // keep checkpoints/epoch_NNNN every this many epochs
    int saveLatestFreq = 5000;     // write checkpoints/latest every this many images
    int printFreq = 100;           // progress line every this many images
    int displayFreq = 400;         // preview images every this many images
    int previewCount = 1;          // number of fixed preview pairs in a preview grid
    bool continueTrain = false;    // resume from checkpoints/<epoch>
    std::string epoch = "latest";  // tag to resume from

    // --- device ---
    std::string device = "auto"; // auto | cpu | cuda | cuda:N
    std::int64_t seed = -1;      // -1 = random seed (printed and saved)
    int cpuThreads = 0;          // LibTorch intra-op threads on the CPU; 0 = library default
    std::string precision = "fp32"; // fp32 | bf16 | fp16: autocast dtype of the forward passes
    bool channelsLast = false;      // NHWC weights and activations (faster convolutions)
    // standard: CycleGanModel::step(); capturable: CapturableStep (pool and Adam
    // state on the device, no host sync in a step; needs images of one size).
    std::string trainStep = "standard";
    bool cudaGraph = false; // capturable step captured as one CUDA graph (experimental; CUDA)

    int nBlocks() const { return netG == "resnet_6blocks" ? 6 : 9; }
    bool capturableStep() const { return trainStep == "capturable" || cudaGraph; }
    int totalEpochs() const { return nEpochs + nEpochsDecay; }
    std::string runDir() const; // <checkpointsDir>/<name>

    // Throws ConfigError naming the first invalid option and why, before anything is created:
    // also every combination that could not run, e.g. a --crop_size below the smallest input
    // of the chosen networks (input_side_limit.h; the message gives the value to use), a
    // --load_size below --crop_size where the image is cropped after resizing, identity loss
    // with different channel counts, an --epoch_count after the last epoch.
    void validate() const;
};

const char *toString(Preprocess p);
const char *toString(GanMode m);
Preprocess preprocessFromString(const std::string &s); // throws ConfigError
GanMode ganModeFromString(const std::string &s);       // throws ConfigError

// config.json: every option plus the versions that wrote it. fromJson validates and names
// the offending key; unknown keys are reported as errors (a hand-edited typo must not pass).
std::string toJson(const TrainOptions &options);
TrainOptions trainOptionsFromJson(const std::string &json); // throws ConfigError

} // namespace cgs
