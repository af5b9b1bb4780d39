<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <source>Dataroot (trainA/, trainB/)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain A folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain B folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crop size (px)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decay epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>λ cycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>λ identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed (-1 = random)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load size (px)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generator filters (ngf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discriminator filters (ndf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image pool size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview every (images)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep checkpoint every (epochs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max images per domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoding threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU threads (0 = default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No horizontal flip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model chosen: train one or open one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preprocessing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GAN loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save latest every (images)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam β1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder holding trainA/ and trainB/, the two image domains (--dataroot; required).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images of domain A, instead of &lt;dataroot&gt;/trainA (not in the official code).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images of domain B, instead of &lt;dataroot&gt;/trainB (not in the official code).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the run folder (--name; official default: experiment_name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder that holds the run folders (--checkpoints_dir; official default: ./checkpoints).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training images are cropped to this square size (--crop_size; official default: 256).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generator: a ResNet with 9 residual blocks (for 256 px) or 6 (for 128 px) (--netG; official default: resnet_9blocks).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs at the initial learning rate (--n_epochs; official default: 100).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs over which the learning rate falls linearly to zero (--n_epochs_decay; official default: 100).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of the identity loss, relative to λ cycle; 0 turns it off (--lambda_identity; official default: 0.5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images per step (--batch_size; official default: 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial learning rate of Adam (--lr; official default: 0.0002).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-1: a new random seed each run (printed and saved); a fixed seed makes CPU runs reproducible (not in the official code).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images are scaled to this size before the crop (--load_size; official default: 286).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters of the generator&apos;s first layer (--ngf; official default: 64).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters of the discriminator&apos;s first layer (--ndf; official default: 64).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated images kept to train the discriminators on a history; 0 = none (--pool_size; official default: 50).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A preview every this many training images (--display_freq; official default: 400).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image pairs in each preview (not in the official code; default: 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep a checkpoint every this many epochs (--save_epoch_freq; official default: 5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use at most this many images per domain; -1 = all (--max_dataset_size; official default: all).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads that decode images (--num_threads; official default: 4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LibTorch&apos;s CPU threads; 0 = one per core (not in the official code).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not flip training images at random (--no_flip; official default: off, images are flipped).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How images become crops: resize_and_crop scales to the load size, then crops (--preprocess; official default: resize_and_crop).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The adversarial loss: lsgan (least squares), vanilla (cross-entropy) or wgangp (--gan_mode; official default: lsgan).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rewrite checkpoints/latest every this many images (--save_latest_freq; official default: 5000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of the cycle-consistency losses A → B → A and B → A → B (--lambda_A, --lambda_B; official default: 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam&apos;s momentum term β1 (--beta1; official default: 0.5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where to train, by name: Automatic takes the first of the list, a CUDA GPU when there is one (--device; the official code uses --gpu_ids 0).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cgs::ui::ComparePage</name>
    <message>
        <source>Choose a run folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PyTorch weights (*.pth *.pt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add input images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.webp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models (one column each)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input images (one row each)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add run checkpoints…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add model file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add images…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export grid…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run has no checkpoints yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot list the checkpoints of this run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read an input image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A model could not translate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop evaluating (%1: %2/%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FID, KID and SWD of each model column on the test images (saved in the run&apos;s metrics.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add run checkpoints to evaluate them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the dataset folder with testA and testB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop evaluating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A checkpoint could not be evaluated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SWD only: FID and KID need the Inception weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable test image(s) skipped.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Other run folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiles: %1 px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller tiles (Ctrl+−, or the mouse wheel over the grid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger tiles (Ctrl++, or the mouse wheel over the grid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiles as large as the page allows; click a tile to see it large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Checkpoint: %2
%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A checkpoint was damaged: another one was used</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cgs::ui::DatasetOverviewPanel</name>
    <message numerus="yes">
        <source>%n other size(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimate time per epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times a few training steps with these settings on the chosen device (synthetic images: decoding is not counted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a dataroot (or the two domain folders) to see what it holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; (%2): %n image(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Timing a few training steps…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About %1 per epoch on %2 (decoding not counted)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cgs::ui::DownloadDialog</name>
    <message>
        <source>Get models and datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pretrained generators and the datasets of the CycleGAN authors. A model appears on the Translate page under what it does; a dataset is offered on the Train page. An interrupted download resumes where it stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pretrained models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 MB, %3 MB/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MB, %2 MB/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking that it loads as a generator…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpacking and checking trainA/ and trainB/…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The download was cut short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write to the data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not a CycleGAN generator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive is not a CycleGAN dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is ready on the Translate page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset %1 is ready on the Train page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: starting it again resumes it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cgs::ui::ExportPage</name>
    <message>
        <source>Add an input folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include sub-folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Existing files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the translated images go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose input folders and an output folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 images/s, %2 s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export could not run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 written, %2 skipped, %3 failed of %4 in %5 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: frame %2 of %3, %4 frames/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working on %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported with a warning about the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the output folder in the file manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s per image, %2 s left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cgs::ui::FailureSummary</name>
    <message>
        <source>The options are not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dataset cannot be used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checkpoint cannot be used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen device is not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The compute device failed (out of memory?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training diverged (NaN or Inf loss)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file could not be read or written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A process of the multi-process job failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cgs::ui::FolderExportJob</name>
    <message>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cgs::ui::LossPlot</name>
    <message>
        <source>Log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoothing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adversarial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Iteration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wheel: zoom, drag: pan, double-click: follow the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hover over the plot to read values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iteration %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lr %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lr</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cgs::ui::MainWindow</name>
    <message>
        <source>CycleGAN Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open images to translate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause / Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About CycleGAN Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detecting the compute device…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About CycleGAN Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;CycleGAN Studio %1&lt;/h3&gt;&lt;p&gt;Unpaired image-to-image translation (CycleGAN, Zhu, Park, Isola, Efros, ICCV 2017): train, watch, translate, compare and export.&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;%3&lt;br&gt;OpenCV %4&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping the training: finishing the current step and saving the latest checkpoint, then closing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Get models and datasets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CycleGAN Studio &amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CycleGAN Studio Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A training is running. Stop it now and close? The current step is finished and the latest checkpoint saved; the next start offers to continue it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop, save and close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue the interrupted training?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The training of %1 was stopped when the studio closed, after epoch %2 of %3 (iteration %4). Continue it where it stopped?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;CycleGAN Studio&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Train&lt;/b&gt;: choose a dataroot with trainA/ and trainB/ (or two folders), then Start. Curves and previews follow the run; Stop saves it, Resume run… continues it.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Translate&lt;/b&gt;: drop or open images (Ctrl+O) and pick a run as the model. &lt;b&gt;Compare&lt;/b&gt;: checkpoints side by side. &lt;b&gt;Export&lt;/b&gt;: whole folders. &lt;b&gt;Runs&lt;/b&gt;: every run of the runs folder, CLI-trained ones too.&lt;/p&gt;&lt;p&gt;Shortcuts: Ctrl+1…%1 pages, Ctrl+O open images, Ctrl+Shift+O resume a run, on the Train page Ctrl+R start, Ctrl+P pause, Ctrl+. stop; on Compare Ctrl++ and Ctrl+− zoom, a click on a tile shows it large.&lt;/p&gt;&lt;p&gt;The command line does the same headless: &lt;tt&gt;cyclegan --help&lt;/tt&gt;, &lt;tt&gt;man cyclegan&lt;/tt&gt;.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device: %1 — the NVIDIA GPU is not used (why: hover)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cgs::ui::MetricsPlot</name>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (lower is better)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No metrics yet: Evaluate, or train with an evaluation frequency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>best %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cgs::ui::ModelPicker</name>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A → B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B → A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a run or checkpoint folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an official .pth weight file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model: train one or open one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PyTorch weights (*.pth *.pt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (official %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo model: Monet ↔ photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monet → photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>photo → Monet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (run, epoch %2 of %3, %4, %5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (official code&apos;s folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (weight file)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cgs::ui::PreviewPanel</name>
    <message>
        <source>Previews appear here while training: A → B → A and B → A → B for fixed images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look back at earlier previews of this run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Iteration %1, epoch %2 (%3 of %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A → B → A over B → A → B</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cgs::ui::RunsPage</name>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last losses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show its curves and previews on the Train page (a run trained by another process is followed live)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume it from its latest checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A finished run:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train more epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue a finished run for this many epochs more; the learning rate decays again to zero over them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translate with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare checkpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in file manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>official code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training now (on %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs in %1 and runs opened recently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run is being trained: stop it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the run “%1” (its checkpoints, previews and logs) to the trash?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run could not be moved to the trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the desktop&apos;s trash cannot take it (another file system, or no permission). Delete the folder in the file manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is in the trash.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cgs::ui::TileViewer</name>
    <message>
        <source>◀ Previous column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next column ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← → columns, ↑ ↓ inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Input %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not translated (yet)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cgs::ui::TrainOptionsForm</name>
    <message>
        <source>Choose a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ResNet, 6 blocks (128 px)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ResNet, 9 blocks (256 px)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop a folder here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: overrides &lt;dataroot&gt;/trainA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: overrides &lt;dataroot&gt;/trainB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None yet: File → Get models and datasets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a downloaded official dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (a GPU when there is one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not on this machine)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 GB (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU: %1, %2 cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compute capability %1.%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bf16 native</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bf16 emulated (slow)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cgs::ui::TrainPage</name>
    <message>
        <source>Started on %1 at iteration %2 in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoint %1 saved at iteration %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new run with these options (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue an earlier run from its folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The options are not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a run folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This folder cannot be resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No steps yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch %1/%2, iteration %3/%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 it/s, ETA %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training finished after %1 iterations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training stopped at iteration %1; resume it with “Resume run”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A training is already running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop it first, or start a second CycleGAN Studio to train two runs at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a run of the official code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue it once from the command line, with the options it was trained with:
cyclegan train --dataroot &lt;data&gt; --name %1 --checkpoints_dir %2 --continue_train --epoch_count &lt;next epoch&gt;
From then on, Resume run… continues it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop watching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoint %1 is in the run folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run is being trained by another process: watching it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This folder is not a run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, process %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watching %1: trained by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watching %1: paused by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is stopped (not being trained)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 finished its training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Viewing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Iteration %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cgs::ui::TrainingWorker</name>
    <message>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cgs::ui::TranslatePage</name>
    <message>
        <source>Open images…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save result…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>100%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop photos or paintings here. Each is translated at its own size with the chosen model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.webp);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard holds no image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasted image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot translate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2 in %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.webp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropped image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.m4v *.mov *.mkv *.webm *.avi)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be translated:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translated with a warning about the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a translated image to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not translated yet: nothing to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be translated: nothing to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cgs::ui::VideoPanel</name>
    <message>
        <source>Temporal smoothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of the past frames in the instance-norm statistics of the exported video (0 = off, every frame on its own; reset at scene cuts). Less flicker, but a frame moves away from its own translation. The slider always shows single frames.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export video…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoding the frame…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the video %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2, %3 frames at %4 fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot translate frame %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame %1 in %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Videos (*.%1);;Videos (*.mp4 *.m4v *.mov *.mkv *.webm *.avi)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame %1 of %2, %3 frames/s, %4 s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export the video %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1: %2 frames of %3 × %4 at %5 fps (%6; %7) in %8 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
