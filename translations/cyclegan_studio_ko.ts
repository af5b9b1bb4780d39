<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <source>Dataroot (trainA/, trainB/)</source>
        <translation>데이터 루트 (trainA/, trainB/)</translation>
    </message>
    <message>
        <source>Domain A folder</source>
        <translation>도메인 A 폴더</translation>
    </message>
    <message>
        <source>Domain B folder</source>
        <translation>도메인 B 폴더</translation>
    </message>
    <message>
        <source>Run name</source>
        <translation>실행 이름</translation>
    </message>
    <message>
        <source>Runs folder</source>
        <translation>실행 저장 폴더</translation>
    </message>
    <message>
        <source>Crop size (px)</source>
        <translation>자르기 크기 (px)</translation>
    </message>
    <message>
        <source>Generator</source>
        <translation>생성기</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Decay epochs</source>
        <translation>감쇠 에포크</translation>
    </message>
    <message>
        <source>λ cycle</source>
        <translation>λ 순환</translation>
    </message>
    <message>
        <source>λ identity</source>
        <translation>λ 동일성</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>Seed (-1 = random)</source>
        <translation>시드 (-1 = 무작위)</translation>
    </message>
    <message>
        <source>Load size (px)</source>
        <translation>불러오기 크기 (px)</translation>
    </message>
    <message>
        <source>Generator filters (ngf)</source>
        <translation>생성기 필터 수 (ngf)</translation>
    </message>
    <message>
        <source>Discriminator filters (ndf)</source>
        <translation>판별기 필터 수 (ndf)</translation>
    </message>
    <message>
        <source>Image pool size</source>
        <translation>이미지 풀 크기</translation>
    </message>
    <message>
        <source>Preview every (images)</source>
        <translation>미리보기 간격 (이미지 수)</translation>
    </message>
    <message>
        <source>Preview images</source>
        <translation>미리보기 이미지 수</translation>
    </message>
    <message>
        <source>Keep checkpoint every (epochs)</source>
        <translation>체크포인트 보관 간격 (에포크)</translation>
    </message>
    <message>
        <source>Max images per domain</source>
        <translation>도메인당 최대 이미지 수</translation>
    </message>
    <message>
        <source>Decoding threads</source>
        <translation>디코딩 스레드</translation>
    </message>
    <message>
        <source>CPU threads (0 = default)</source>
        <translation>CPU 스레드 (0 = 기본값)</translation>
    </message>
    <message>
        <source>No horizontal flip</source>
        <translation>좌우 뒤집기 안 함</translation>
    </message>
    <message>
        <source>No model chosen: train one or open one first.</source>
        <translation>선택한 모델이 없습니다: 먼저 학습하거나 모델을 여세요.</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>알 수 없는 오류</translation>
    </message>
    <message>
        <source>Preprocessing</source>
        <translation>전처리</translation>
    </message>
    <message>
        <source>GAN loss</source>
        <translation>GAN 손실</translation>
    </message>
    <message>
        <source>Save latest every (images)</source>
        <translation>latest 저장 간격 (이미지 수)</translation>
    </message>
    <message>
        <source>Adam β1</source>
        <translation>Adam β1</translation>
    </message>
    <message>
        <source>A folder holding trainA/ and trainB/, the two image domains (--dataroot; required).</source>
        <translation>trainA/와 trainB/(두 이미지 도메인)가 들어 있는 폴더 (--dataroot; 필수).</translation>
    </message>
    <message>
        <source>Images of domain A, instead of &lt;dataroot&gt;/trainA (not in the official code).</source>
        <translation>&lt;dataroot&gt;/trainA 대신 쓸 도메인 A의 이미지 (공식 코드에는 없음).</translation>
    </message>
    <message>
        <source>Images of domain B, instead of &lt;dataroot&gt;/trainB (not in the official code).</source>
        <translation>&lt;dataroot&gt;/trainB 대신 쓸 도메인 B의 이미지 (공식 코드에는 없음).</translation>
    </message>
    <message>
        <source>Name of the run folder (--name; official default: experiment_name).</source>
        <translation>실행 폴더의 이름 (--name; 공식 기본값: experiment_name).</translation>
    </message>
    <message>
        <source>Folder that holds the run folders (--checkpoints_dir; official default: ./checkpoints).</source>
        <translation>실행 폴더들을 담는 폴더 (--checkpoints_dir; 공식 기본값: ./checkpoints).</translation>
    </message>
    <message>
        <source>Training images are cropped to this square size (--crop_size; official default: 256).</source>
        <translation>학습 이미지를 이 크기의 정사각형으로 자릅니다 (--crop_size; 공식 기본값: 256).</translation>
    </message>
    <message>
        <source>Generator: a ResNet with 9 residual blocks (for 256 px) or 6 (for 128 px) (--netG; official default: resnet_9blocks).</source>
        <translation>생성기: 잔차 블록 9개(256 px용) 또는 6개(128 px용)의 ResNet (--netG; 공식 기본값: resnet_9blocks).</translation>
    </message>
    <message>
        <source>Epochs at the initial learning rate (--n_epochs; official default: 100).</source>
        <translation>초기 학습률로 학습하는 에폭 수 (--n_epochs; 공식 기본값: 100).</translation>
    </message>
    <message>
        <source>Epochs over which the learning rate falls linearly to zero (--n_epochs_decay; official default: 100).</source>
        <translation>학습률이 0까지 선형으로 줄어드는 에폭 수 (--n_epochs_decay; 공식 기본값: 100).</translation>
    </message>
    <message>
        <source>Weight of the identity loss, relative to λ cycle; 0 turns it off (--lambda_identity; official default: 0.5).</source>
        <translation>λ 사이클에 대한 항등 손실의 가중치; 0이면 끔 (--lambda_identity; 공식 기본값: 0.5).</translation>
    </message>
    <message>
        <source>Images per step (--batch_size; official default: 1).</source>
        <translation>스텝당 이미지 수 (--batch_size; 공식 기본값: 1).</translation>
    </message>
    <message>
        <source>Initial learning rate of Adam (--lr; official default: 0.0002).</source>
        <translation>Adam의 초기 학습률 (--lr; 공식 기본값: 0.0002).</translation>
    </message>
    <message>
        <source>-1: a new random seed each run (printed and saved); a fixed seed makes CPU runs reproducible (not in the official code).</source>
        <translation>-1: 실행마다 새 무작위 시드 (출력되고 저장됨); 고정 시드는 CPU 실행을 재현 가능하게 합니다 (공식 코드에는 없음).</translation>
    </message>
    <message>
        <source>Images are scaled to this size before the crop (--load_size; official default: 286).</source>
        <translation>자르기 전에 이미지를 이 크기로 조정합니다 (--load_size; 공식 기본값: 286).</translation>
    </message>
    <message>
        <source>Filters of the generator&apos;s first layer (--ngf; official default: 64).</source>
        <translation>생성기 첫 층의 필터 수 (--ngf; 공식 기본값: 64).</translation>
    </message>
    <message>
        <source>Filters of the discriminator&apos;s first layer (--ndf; official default: 64).</source>
        <translation>판별기 첫 층의 필터 수 (--ndf; 공식 기본값: 64).</translation>
    </message>
    <message>
        <source>Generated images kept to train the discriminators on a history; 0 = none (--pool_size; official default: 50).</source>
        <translation>판별기를 이력으로 학습시키기 위해 보관하는 생성 이미지 수; 0 = 없음 (--pool_size; 공식 기본값: 50).</translation>
    </message>
    <message>
        <source>A preview every this many training images (--display_freq; official default: 400).</source>
        <translation>이 수만큼의 학습 이미지마다 미리보기 (--display_freq; 공식 기본값: 400).</translation>
    </message>
    <message>
        <source>Image pairs in each preview (not in the official code; default: 1).</source>
        <translation>미리보기마다의 이미지 쌍 수 (공식 코드에는 없음; 기본값: 1).</translation>
    </message>
    <message>
        <source>Keep a checkpoint every this many epochs (--save_epoch_freq; official default: 5).</source>
        <translation>이 에폭 수마다 체크포인트를 보관 (--save_epoch_freq; 공식 기본값: 5).</translation>
    </message>
    <message>
        <source>Use at most this many images per domain; -1 = all (--max_dataset_size; official default: all).</source>
        <translation>도메인당 최대 이 수의 이미지만 사용; -1 = 전부 (--max_dataset_size; 공식 기본값: 전부).</translation>
    </message>
    <message>
        <source>Threads that decode images (--num_threads; official default: 4).</source>
        <translation>이미지를 디코딩하는 스레드 수 (--num_threads; 공식 기본값: 4).</translation>
    </message>
    <message>
        <source>LibTorch&apos;s CPU threads; 0 = one per core (not in the official code).</source>
        <translation>LibTorch의 CPU 스레드 수; 0 = 코어당 하나 (공식 코드에는 없음).</translation>
    </message>
    <message>
        <source>Do not flip training images at random (--no_flip; official default: off, images are flipped).</source>
        <translation>학습 이미지를 무작위로 뒤집지 않음 (--no_flip; 공식 기본값: 꺼짐, 이미지를 뒤집음).</translation>
    </message>
    <message>
        <source>How images become crops: resize_and_crop scales to the load size, then crops (--preprocess; official default: resize_and_crop).</source>
        <translation>이미지를 잘라내는 방식: resize_and_crop은 로드 크기로 조정한 뒤 자릅니다 (--preprocess; 공식 기본값: resize_and_crop).</translation>
    </message>
    <message>
        <source>The adversarial loss: lsgan (least squares), vanilla (cross-entropy) or wgangp (--gan_mode; official default: lsgan).</source>
        <translation>적대적 손실: lsgan(최소제곱), vanilla(교차 엔트로피) 또는 wgangp (--gan_mode; 공식 기본값: lsgan).</translation>
    </message>
    <message>
        <source>Rewrite checkpoints/latest every this many images (--save_latest_freq; official default: 5000).</source>
        <translation>이 수의 이미지마다 checkpoints/latest를 다시 씀 (--save_latest_freq; 공식 기본값: 5000).</translation>
    </message>
    <message>
        <source>Weight of the cycle-consistency losses A → B → A and B → A → B (--lambda_A, --lambda_B; official default: 10).</source>
        <translation>사이클 일관성 손실 A → B → A와 B → A → B의 가중치 (--lambda_A, --lambda_B; 공식 기본값: 10).</translation>
    </message>
    <message>
        <source>Adam&apos;s momentum term β1 (--beta1; official default: 0.5).</source>
        <translation>Adam의 모멘텀 항 β1 (--beta1; 공식 기본값: 0.5).</translation>
    </message>
    <message>
        <source>Where to train, by name: Automatic takes the first of the list, a CUDA GPU when there is one (--device; the official code uses --gpu_ids 0).</source>
        <translation>학습할 장치를 이름으로 고릅니다: 자동은 목록의 첫 장치를 씁니다. CUDA GPU가 있으면 GPU입니다 (--device; 공식 코드는 --gpu_ids 0).</translation>
    </message>
</context>
<context>
    <name>cgs::ui::ComparePage</name>
    <message>
        <source>Choose a run folder</source>
        <translation>실행 폴더 선택</translation>
    </message>
    <message>
        <source>Add a model</source>
        <translation>모델 추가</translation>
    </message>
    <message>
        <source>PyTorch weights (*.pth *.pt);;All files (*)</source>
        <translation>PyTorch 가중치 (*.pth *.pt);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Add input images</source>
        <translation>입력 이미지 추가</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.webp)</source>
        <translation>이미지 (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.webp)</translation>
    </message>
    <message>
        <source>Models (one column each)</source>
        <translation>모델 (모델마다 한 열)</translation>
    </message>
    <message>
        <source>Input images (one row each)</source>
        <translation>입력 이미지 (이미지마다 한 행)</translation>
    </message>
    <message>
        <source>Add run checkpoints…</source>
        <translation>실행의 체크포인트 추가…</translation>
    </message>
    <message>
        <source>Add model file…</source>
        <translation>모델 파일 추가…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Add images…</source>
        <translation>이미지 추가…</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <source>Export grid…</source>
        <translation>그리드 내보내기…</translation>
    </message>
    <message>
        <source>This run has no checkpoints yet.</source>
        <translation>이 실행에는 아직 체크포인트가 없습니다.</translation>
    </message>
    <message>
        <source>Cannot list the checkpoints of this run</source>
        <translation>이 실행의 체크포인트 목록을 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot read an input image</source>
        <translation>입력 이미지를 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>A model could not translate</source>
        <translation>모델이 변환하지 못했습니다</translation>
    </message>
    <message>
        <source>Export grid</source>
        <translation>그리드 내보내기</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1에 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>Stop evaluating (%1: %2/%3)</source>
        <translation>평가 중지 (%1: %2/%3)</translation>
    </message>
    <message>
        <source>Evaluate…</source>
        <translation>평가…</translation>
    </message>
    <message>
        <source>FID, KID and SWD of each model column on the test images (saved in the run&apos;s metrics.csv)</source>
        <translation>테스트 이미지로 각 모델 열의 FID, KID, SWD 계산 (실행 폴더의 metrics.csv에 저장)</translation>
    </message>
    <message>
        <source>Add run checkpoints to evaluate them.</source>
        <translation>평가하려면 실행의 체크포인트를 추가하세요.</translation>
    </message>
    <message>
        <source>Choose the dataset folder with testA and testB</source>
        <translation>testA와 testB가 있는 데이터셋 폴더 선택</translation>
    </message>
    <message>
        <source>Stop evaluating</source>
        <translation>평가 중지</translation>
    </message>
    <message>
        <source>A checkpoint could not be evaluated</source>
        <translation>체크포인트를 평가할 수 없습니다</translation>
    </message>
    <message>
        <source>SWD only: FID and KID need the Inception weights.</source>
        <translation>SWD만 계산했습니다: FID와 KID에는 Inception 가중치가 필요합니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable test image(s) skipped.</source>
        <translation>
            <numerusform>읽을 수 없는 테스트 이미지 %n개를 건너뛰었습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Other run folder…</source>
        <translation>다른 실행 폴더…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <source>Tiles: %1 px</source>
        <translation>타일: %1 px</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>맞춤</translation>
    </message>
    <message>
        <source>Smaller tiles (Ctrl+−, or the mouse wheel over the grid)</source>
        <translation>타일 작게 (Ctrl+−, 또는 격자 위에서 마우스 휠)</translation>
    </message>
    <message>
        <source>Larger tiles (Ctrl++, or the mouse wheel over the grid)</source>
        <translation>타일 크게 (Ctrl++, 또는 격자 위에서 마우스 휠)</translation>
    </message>
    <message>
        <source>Tiles as large as the page allows; click a tile to see it large</source>
        <translation>페이지가 허용하는 만큼 큰 타일; 타일을 클릭하면 크게 봅니다</translation>
    </message>
    <message>
        <source>%1
Checkpoint: %2
%3</source>
        <translation>%1
체크포인트: %2
%3</translation>
    </message>
    <message>
        <source>the model file</source>
        <translation>모델 파일</translation>
    </message>
    <message>
        <source>A checkpoint was damaged: another one was used</source>
        <translation>체크포인트가 손상되어 다른 체크포인트를 사용했습니다</translation>
    </message>
</context>
<context>
    <name>cgs::ui::DatasetOverviewPanel</name>
    <message>
        <source>Dataset overview</source>
        <translation>데이터셋 개요</translation>
    </message>
    <message>
        <source>Estimate time per epoch</source>
        <translation>에포크당 시간 추정</translation>
    </message>
    <message>
        <source>Times a few training steps with these settings on the chosen device (synthetic images: decoding is not counted)</source>
        <translation>선택한 장치에서 이 설정으로 학습 단계 몇 번의 시간을 잽니다 (합성 이미지: 디코딩 시간은 빠짐)</translation>
    </message>
    <message>
        <source>Choose a dataroot (or the two domain folders) to see what it holds.</source>
        <translation>데이터 루트(또는 두 도메인 폴더)를 고르면 내용을 보여 줍니다.</translation>
    </message>
    <message>
        <source>Reading the dataset…</source>
        <translation>데이터셋을 읽는 중…</translation>
    </message>
    <message>
        <source>Timing a few training steps…</source>
        <translation>학습 단계 시간을 재는 중…</translation>
    </message>
    <message>
        <source>About %1 per epoch on %2 (decoding not counted)</source>
        <translation>%2에서 에포크당 약 %1 (디코딩 제외)</translation>
    </message>
    <message numerus="yes">
        <source>%n other size(s)</source>
        <translation>
            <numerusform>그 밖의 크기 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1시간 %2분</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1분</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; (%2): %n image(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; (%2): 이미지 %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cgs::ui::DownloadDialog</name>
    <message>
        <source>Get models and datasets</source>
        <translation>모델과 데이터셋 받기</translation>
    </message>
    <message>
        <source>The pretrained generators and the datasets of the CycleGAN authors. A model appears on the Translate page under what it does; a dataset is offered on the Train page. An interrupted download resumes where it stopped.</source>
        <translation>CycleGAN 저자들의 사전 학습 생성기와 데이터셋입니다. 모델은 변환 페이지에 하는 일의 이름으로 나타나고, 데이터셋은 학습 페이지에서 고를 수 있습니다. 중단된 다운로드는 멈춘 곳에서 이어 받습니다.</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>하는 일</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Pretrained models</source>
        <translation>사전 학습 모델</translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>다운로드</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>다운로드 취소</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation>받음</translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation>데이터 폴더: %1</translation>
    </message>
    <message>
        <source>%1 of %2 MB, %3 MB/s</source>
        <translation>%1 / %2 MB, %3 MB/s</translation>
    </message>
    <message>
        <source>%1 MB, %2 MB/s</source>
        <translation>%1 MB, %2 MB/s</translation>
    </message>
    <message>
        <source>Checking that it loads as a generator…</source>
        <translation>생성기로 불러와지는지 확인하는 중…</translation>
    </message>
    <message>
        <source>Unpacking and checking trainA/ and trainB/…</source>
        <translation>압축을 풀고 trainA/와 trainB/를 확인하는 중…</translation>
    </message>
    <message>
        <source>Not found on the server</source>
        <translation>서버에 없음</translation>
    </message>
    <message>
        <source>Network error</source>
        <translation>네트워크 오류</translation>
    </message>
    <message>
        <source>The download was cut short</source>
        <translation>다운로드가 중간에 끊겼습니다</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>디스크가 가득 찼습니다</translation>
    </message>
    <message>
        <source>Cannot write to the data folder</source>
        <translation>데이터 폴더에 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>The file is not a CycleGAN generator</source>
        <translation>파일이 CycleGAN 생성기가 아닙니다</translation>
    </message>
    <message>
        <source>The archive is not a CycleGAN dataset</source>
        <translation>압축 파일이 CycleGAN 데이터셋이 아닙니다</translation>
    </message>
    <message>
        <source>Download failed</source>
        <translation>다운로드 실패</translation>
    </message>
    <message>
        <source>%1 is ready on the Translate page</source>
        <translation>%1 모델을 변환 페이지에서 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>Dataset %1 is ready on the Train page</source>
        <translation>데이터셋 %1을(를) 학습 페이지에서 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>Cancelled: starting it again resumes it.</source>
        <translation>취소됨: 다시 시작하면 이어 받습니다.</translation>
    </message>
</context>
<context>
    <name>cgs::ui::ExportPage</name>
    <message>
        <source>Add an input folder</source>
        <translation>입력 폴더 추가</translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation>출력 폴더 선택</translation>
    </message>
    <message>
        <source>Input folders</source>
        <translation>입력 폴더</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>출력 폴더</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>형식</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>품질</translation>
    </message>
    <message>
        <source>Include sub-folders</source>
        <translation>하위 폴더 포함</translation>
    </message>
    <message>
        <source>Existing files</source>
        <translation>기존 파일</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>건너뛰기</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>덮어쓰기</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>폴더 추가…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>이유</translation>
    </message>
    <message>
        <source>Where the translated images go</source>
        <translation>변환된 이미지를 저장할 곳</translation>
    </message>
    <message>
        <source>Choose input folders and an output folder.</source>
        <translation>입력 폴더와 출력 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>먼저 모델을 선택하세요.</translation>
    </message>
    <message>
        <source>%1 images/s, %2 s left</source>
        <translation>초당 %1장, %2초 남음</translation>
    </message>
    <message>
        <source>The export could not run</source>
        <translation>내보내기를 실행할 수 없습니다</translation>
    </message>
    <message>
        <source>%1 written, %2 skipped, %3 failed of %4 in %5 s.</source>
        <translation>%4장 중 %1장 저장, %2장 건너뜀, %3장 실패 (%5초).</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>취소되었습니다.</translation>
    </message>
    <message>
        <source>%1: frame %2 of %3, %4 frames/s</source>
        <translation>%1: 프레임 %2 / %3, 초당 %4프레임</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <source>Working on %1…</source>
        <translation>%1 처리 중…</translation>
    </message>
    <message>
        <source>Exported with a warning about the model</source>
        <translation>모델에 관한 경고와 함께 내보냈습니다</translation>
    </message>
    <message>
        <source>Open output folder</source>
        <translation>출력 폴더 열기</translation>
    </message>
    <message>
        <source>Show the output folder in the file manager</source>
        <translation>파일 관리자에서 출력 폴더 보기</translation>
    </message>
    <message>
        <source>%1 s per image, %2 s left</source>
        <translation>이미지당 %1초, %2초 남음</translation>
    </message>
</context>
<context>
    <name>cgs::ui::FailureSummary</name>
    <message>
        <source>The options are not valid</source>
        <translation>옵션이 올바르지 않습니다</translation>
    </message>
    <message>
        <source>The dataset cannot be used</source>
        <translation>데이터셋을 사용할 수 없습니다</translation>
    </message>
    <message>
        <source>The checkpoint cannot be used</source>
        <translation>체크포인트를 사용할 수 없습니다</translation>
    </message>
    <message>
        <source>The chosen device is not available</source>
        <translation>선택한 장치를 사용할 수 없습니다</translation>
    </message>
    <message>
        <source>The compute device failed (out of memory?)</source>
        <translation>연산 장치 오류 (메모리 부족?)</translation>
    </message>
    <message>
        <source>Training diverged (NaN or Inf loss)</source>
        <translation>학습이 발산했습니다 (NaN 또는 Inf 손실)</translation>
    </message>
    <message>
        <source>A file could not be read or written</source>
        <translation>파일을 읽거나 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>A process of the multi-process job failed</source>
        <translation>다중 프로세스 작업의 프로세스 하나가 실패했습니다</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>예기치 않은 오류</translation>
    </message>
</context>
<context>
    <name>cgs::ui::FolderExportJob</name>
    <message>
        <source>unknown error</source>
        <translation>알 수 없는 오류</translation>
    </message>
</context>
<context>
    <name>cgs::ui::LossPlot</name>
    <message>
        <source>Log scale</source>
        <translation>로그 눈금</translation>
    </message>
    <message>
        <source>Smoothing %1</source>
        <translation>평활화 %1</translation>
    </message>
    <message>
        <source>Adversarial</source>
        <translation>적대적 손실</translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation>순환 손실</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>동일성 손실</translation>
    </message>
    <message>
        <source>Iteration</source>
        <translation>반복</translation>
    </message>
    <message>
        <source>Wheel: zoom, drag: pan, double-click: follow the run</source>
        <translation>휠: 확대/축소, 드래그: 이동, 더블클릭: 실행 따라가기</translation>
    </message>
    <message>
        <source>Hover over the plot to read values.</source>
        <translation>그래프 위에 마우스를 올리면 값을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>iteration %1</source>
        <translation>반복 %1</translation>
    </message>
    <message>
        <source>lr %1</source>
        <translation>학습률 %1</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>lr</translation>
    </message>
</context>
<context>
    <name>cgs::ui::MainWindow</name>
    <message>
        <source>CycleGAN Studio</source>
        <translation>CycleGAN 스튜디오</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Translate</source>
        <translation>변환</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Resume run…</source>
        <translation>실행 이어서 하기(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Open images to translate…</source>
        <translation>변환할 이미지 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Get models and datasets…</source>
        <translation>모델과 데이터셋 받기(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>학습(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>시작(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Pause / Resume</source>
        <translation>일시 정지 / 계속(&amp;P)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>중지(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>설정(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About CycleGAN Studio</source>
        <translation>CycleGAN 스튜디오 정보(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt 정보(&amp;Q)</translation>
    </message>
    <message>
        <source>Detecting the compute device…</source>
        <translation>연산 장치를 확인하는 중…</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>장치: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>About CycleGAN Studio</source>
        <translation>CycleGAN 스튜디오 정보</translation>
    </message>
    <message>
        <source>&lt;h3&gt;CycleGAN Studio %1&lt;/h3&gt;&lt;p&gt;Unpaired image-to-image translation (CycleGAN, Zhu, Park, Isola, Efros, ICCV 2017): train, watch, translate, compare and export.&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;%3&lt;br&gt;OpenCV %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;CycleGAN 스튜디오 %1&lt;/h3&gt;&lt;p&gt;짝이 없는 이미지 간 변환 (CycleGAN, Zhu, Park, Isola, Efros, ICCV 2017): 학습, 관찰, 변환, 비교, 내보내기.&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;%3&lt;br&gt;OpenCV %4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Stopping the training: finishing the current step and saving the latest checkpoint, then closing…</source>
        <translation>학습을 멈추는 중: 현재 단계를 마치고 최신 체크포인트를 저장한 뒤 닫습니다…</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>실행 목록</translation>
    </message>
    <message>
        <source>CycleGAN Studio &amp;Help</source>
        <translation>CycleGAN Studio 도움말(&amp;H)</translation>
    </message>
    <message>
        <source>CycleGAN Studio Help</source>
        <translation>CycleGAN Studio 도움말</translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation>학습 중입니다</translation>
    </message>
    <message>
        <source>A training is running. Stop it now and close? The current step is finished and the latest checkpoint saved; the next start offers to continue it.</source>
        <translation>학습이 진행 중입니다. 지금 멈추고 닫을까요? 현재 단계를 마치고 최신 체크포인트를 저장합니다. 다음에 시작할 때 이어서 학습할 수 있도록 안내합니다.</translation>
    </message>
    <message>
        <source>Stop, save and close</source>
        <translation>멈추고 저장한 뒤 닫기</translation>
    </message>
    <message>
        <source>Keep training</source>
        <translation>학습 계속</translation>
    </message>
    <message>
        <source>Continue the interrupted training?</source>
        <translation>중단된 학습을 이어서 할까요?</translation>
    </message>
    <message>
        <source>The training of %1 was stopped when the studio closed, after epoch %2 of %3 (iteration %4). Continue it where it stopped?</source>
        <translation>%1의 학습은 스튜디오를 닫을 때 에포크 %2/%3 (반복 %4) 이후 멈췄습니다. 멈춘 곳에서 이어서 할까요?</translation>
    </message>
    <message>
        <source>Continue training</source>
        <translation>학습 이어서 하기</translation>
    </message>
    <message>
        <source>Show the run</source>
        <translation>실행 보기</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>나중에</translation>
    </message>
    <message>
        <source>&lt;h3&gt;CycleGAN Studio&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Train&lt;/b&gt;: choose a dataroot with trainA/ and trainB/ (or two folders), then Start. Curves and previews follow the run; Stop saves it, Resume run… continues it.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Translate&lt;/b&gt;: drop or open images (Ctrl+O) and pick a run as the model. &lt;b&gt;Compare&lt;/b&gt;: checkpoints side by side. &lt;b&gt;Export&lt;/b&gt;: whole folders. &lt;b&gt;Runs&lt;/b&gt;: every run of the runs folder, CLI-trained ones too.&lt;/p&gt;&lt;p&gt;Shortcuts: Ctrl+1…%1 pages, Ctrl+O open images, Ctrl+Shift+O resume a run, on the Train page Ctrl+R start, Ctrl+P pause, Ctrl+. stop; on Compare Ctrl++ and Ctrl+− zoom, a click on a tile shows it large.&lt;/p&gt;&lt;p&gt;The command line does the same headless: &lt;tt&gt;cyclegan --help&lt;/tt&gt;, &lt;tt&gt;man cyclegan&lt;/tt&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;CycleGAN Studio&lt;/h3&gt;&lt;p&gt;&lt;b&gt;학습&lt;/b&gt;: trainA/와 trainB/가 있는 dataroot(또는 두 폴더)를 고른 뒤 시작을 누르세요. 곡선과 미리보기가 실행을 따라갑니다; 중지는 실행을 저장하고, 실행 재개…는 이어서 학습합니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;변환&lt;/b&gt;: 이미지를 끌어다 놓거나 열고(Ctrl+O) 실행을 모델로 고르세요. &lt;b&gt;비교&lt;/b&gt;: 체크포인트를 나란히. &lt;b&gt;내보내기&lt;/b&gt;: 폴더 전체. &lt;b&gt;실행 목록&lt;/b&gt;: 실행 폴더의 모든 실행, 명령줄로 학습한 것도 포함.&lt;/p&gt;&lt;p&gt;단축키: Ctrl+1…%1 페이지, Ctrl+O 이미지 열기, Ctrl+Shift+O 실행 재개, 학습 페이지에서 Ctrl+R 시작, Ctrl+P 일시 정지, Ctrl+. 중지; 비교 페이지에서 Ctrl++ 와 Ctrl+− 확대/축소, 타일을 클릭하면 크게 봅니다.&lt;/p&gt;&lt;p&gt;명령줄도 화면 없이 같은 일을 합니다: &lt;tt&gt;cyclegan --help&lt;/tt&gt;, &lt;tt&gt;man cyclegan&lt;/tt&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Device: %1 — the NVIDIA GPU is not used (why: hover)</source>
        <translation>장치: %1 — NVIDIA GPU를 쓰지 않습니다 (이유: 마우스를 올려 보세요)</translation>
    </message>
</context>
<context>
    <name>cgs::ui::MetricsPlot</name>
    <message>
        <source>epoch</source>
        <translation>에폭</translation>
    </message>
    <message>
        <source>metric</source>
        <translation>지표</translation>
    </message>
    <message>
        <source>%1 (lower is better)</source>
        <translation>%1 (낮을수록 좋음)</translation>
    </message>
    <message>
        <source>No metrics yet: Evaluate, or train with an evaluation frequency.</source>
        <translation>아직 지표가 없습니다: 평가를 실행하거나 평가 주기를 지정해 학습하세요.</translation>
    </message>
    <message>
        <source>best %1: %2</source>
        <translation>최고 %1: %2</translation>
    </message>
</context>
<context>
    <name>cgs::ui::ModelPicker</name>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>방향</translation>
    </message>
    <message>
        <source>A → B</source>
        <translation>A → B</translation>
    </message>
    <message>
        <source>B → A</source>
        <translation>B → A</translation>
    </message>
    <message>
        <source>Open a run or checkpoint folder</source>
        <translation>실행 또는 체크포인트 폴더 열기</translation>
    </message>
    <message>
        <source>Open an official .pth weight file</source>
        <translation>공식 .pth 가중치 파일 열기</translation>
    </message>
    <message>
        <source>No model: train one or open one</source>
        <translation>모델 없음: 학습하거나 여세요</translation>
    </message>
    <message>
        <source>PyTorch weights (*.pth *.pt);;All files (*)</source>
        <translation>PyTorch 가중치 (*.pth *.pt);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>%1 (official %2)</source>
        <translation>%1 (공식 %2)</translation>
    </message>
    <message>
        <source>Demo model: Monet ↔ photo</source>
        <translation>데모 모델: 모네 ↔ 사진</translation>
    </message>
    <message>
        <source>Monet → photo</source>
        <translation>모네 → 사진</translation>
    </message>
    <message>
        <source>photo → Monet</source>
        <translation>사진 → 모네</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>training</source>
        <translation>학습 중</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>%1 (run, epoch %2 of %3, %4, %5)</source>
        <translation>%1 (실행, 에포크 %2/%3, %4, %5)</translation>
    </message>
    <message>
        <source>%1 (official code&apos;s folder)</source>
        <translation>%1 (공식 코드의 폴더)</translation>
    </message>
    <message>
        <source>%1 (weight file)</source>
        <translation>%1 (가중치 파일)</translation>
    </message>
</context>
<context>
    <name>cgs::ui::PreviewPanel</name>
    <message>
        <source>Previews appear here while training: A → B → A and B → A → B for fixed images.</source>
        <translation>학습 중 고정된 이미지의 A → B → A, B → A → B 미리보기가 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>Look back at earlier previews of this run</source>
        <translation>이 실행의 이전 미리보기 보기</translation>
    </message>
    <message>
        <source>Iteration %1, epoch %2 (%3 of %4)</source>
        <translation>반복 %1, 에포크 %2 (%4개 중 %3)</translation>
    </message>
    <message>
        <source>A → B → A over B → A → B</source>
        <translation>A → B → A (위), B → A → B (아래)</translation>
    </message>
</context>
<context>
    <name>cgs::ui::RunsPage</name>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Last losses</source>
        <translation>최근 손실</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <source>Show its curves and previews on the Train page (a run trained by another process is followed live)</source>
        <translation>학습 페이지에서 곡선과 미리보기를 봅니다 (다른 프로세스가 학습 중인 실행은 실시간으로 따라갑니다)</translation>
    </message>
    <message>
        <source>Continue training</source>
        <translation>학습 계속</translation>
    </message>
    <message>
        <source>Resume it from its latest checkpoint</source>
        <translation>최신 체크포인트에서 이어서 학습합니다</translation>
    </message>
    <message>
        <source>A finished run:</source>
        <translation>완료된 실행:</translation>
    </message>
    <message>
        <source>Train more epochs</source>
        <translation>에포크 더 학습</translation>
    </message>
    <message>
        <source>Continue a finished run for this many epochs more; the learning rate decays again to zero over them</source>
        <translation>완료된 실행을 이만큼의 에포크 동안 더 학습합니다. 학습률은 그동안 다시 0까지 감소합니다</translation>
    </message>
    <message>
        <source>Translate with</source>
        <translation>이 모델로 변환</translation>
    </message>
    <message>
        <source>Compare checkpoints</source>
        <translation>체크포인트 비교</translation>
    </message>
    <message>
        <source>Show in file manager</source>
        <translation>파일 관리자에서 보기</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>휴지통으로 이동</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>official code</source>
        <translation>공식 코드</translation>
    </message>
    <message>
        <source>training now (on %1)</source>
        <translation>학습 중 (%1)</translation>
    </message>
    <message>
        <source>training now</source>
        <translation>학습 중</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>완료됨</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>No runs folder</source>
        <translation>실행 저장 폴더 없음</translation>
    </message>
    <message>
        <source>Runs in %1 and runs opened recently</source>
        <translation>%1의 실행과 최근에 연 실행</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>This run is being trained: stop it first.</source>
        <translation>이 실행은 학습 중입니다. 먼저 중지하세요.</translation>
    </message>
    <message>
        <source>Move the run “%1” (its checkpoints, previews and logs) to the trash?</source>
        <translation>실행 “%1”(체크포인트, 미리보기, 로그)을 휴지통으로 옮길까요?</translation>
    </message>
    <message>
        <source>The run could not be moved to the trash</source>
        <translation>실행을 휴지통으로 옮길 수 없습니다</translation>
    </message>
    <message>
        <source>%1: the desktop&apos;s trash cannot take it (another file system, or no permission). Delete the folder in the file manager.</source>
        <translation>%1: 데스크톱 휴지통이 받을 수 없습니다 (다른 파일 시스템이거나 권한 없음). 파일 관리자에서 폴더를 삭제하세요.</translation>
    </message>
    <message>
        <source>“%1” is in the trash.</source>
        <translation>“%1”을(를) 휴지통으로 옮겼습니다.</translation>
    </message>
</context>
<context>
    <name>cgs::ui::TileViewer</name>
    <message>
        <source>◀ Previous column</source>
        <translation>◀ 이전 열</translation>
    </message>
    <message>
        <source>Next column ▶</source>
        <translation>다음 열 ▶</translation>
    </message>
    <message>
        <source>← → columns, ↑ ↓ inputs</source>
        <translation>← → 열, ↑ ↓ 입력</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>%1
Input %2 of %3</source>
        <translation>%1
입력 %2/%3</translation>
    </message>
    <message>
        <source>Not translated (yet)</source>
        <translation>(아직) 변환되지 않음</translation>
    </message>
</context>
<context>
    <name>cgs::ui::TrainOptionsForm</name>
    <message>
        <source>Choose a folder</source>
        <translation>폴더 선택</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>고급</translation>
    </message>
    <message>
        <source>ResNet, 6 blocks (128 px)</source>
        <translation>ResNet, 6 블록 (128 px)</translation>
    </message>
    <message>
        <source>ResNet, 9 blocks (256 px)</source>
        <translation>ResNet, 9 블록 (256 px)</translation>
    </message>
    <message>
        <source>Drop a folder here</source>
        <translation>여기에 폴더를 끌어다 놓으세요</translation>
    </message>
    <message>
        <source>Optional: overrides &lt;dataroot&gt;/trainA</source>
        <translation>선택: &lt;dataroot&gt;/trainA 대신 사용</translation>
    </message>
    <message>
        <source>Optional: overrides &lt;dataroot&gt;/trainB</source>
        <translation>선택: &lt;dataroot&gt;/trainB 대신 사용</translation>
    </message>
    <message>
        <source>None yet: File → Get models and datasets…</source>
        <translation>아직 없음: 파일 → 모델과 데이터셋 받기…</translation>
    </message>
    <message>
        <source>Use a downloaded official dataset</source>
        <translation>내려받은 공식 데이터셋 사용</translation>
    </message>
    <message>
        <source>Automatic (a GPU when there is one)</source>
        <translation>자동 (GPU가 있으면 GPU)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>%1 (not on this machine)</source>
        <translation>%1 (이 컴퓨터에 없음)</translation>
    </message>
    <message>
        <source>Automatic: %1</source>
        <translation>자동: %1</translation>
    </message>
    <message>
        <source>%1, %2 GB (%3)</source>
        <translation>%1, %2 GB (%3)</translation>
    </message>
    <message>
        <source>CPU: %1, %2 cores</source>
        <translation>CPU: %1, 코어 %2개</translation>
    </message>
    <message>
        <source>compute capability %1.%2</source>
        <translation>연산 능력 %1.%2</translation>
    </message>
    <message>
        <source>bf16 native</source>
        <translation>bf16 하드웨어 지원</translation>
    </message>
    <message>
        <source>bf16 emulated (slow)</source>
        <translation>bf16 에뮬레이션 (느림)</translation>
    </message>
</context>
<context>
    <name>cgs::ui::TrainPage</name>
    <message>
        <source>Started on %1 at iteration %2 in %3</source>
        <translation>%1에서 반복 %2부터 시작, 폴더 %3</translation>
    </message>
    <message>
        <source>Checkpoint %1 saved at iteration %2: %3</source>
        <translation>반복 %2에서 체크포인트 %1 저장: %3</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Resume run…</source>
        <translation>실행 이어서 하기…</translation>
    </message>
    <message>
        <source>Start a new run with these options (Ctrl+R)</source>
        <translation>이 옵션으로 새 실행 시작 (Ctrl+R)</translation>
    </message>
    <message>
        <source>Continue an earlier run from its folder</source>
        <translation>이전 실행을 해당 폴더에서 이어서 하기</translation>
    </message>
    <message>
        <source>Previews</source>
        <translation>미리보기</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>로그</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>계속</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습 중</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>중지하는 중…</translation>
    </message>
    <message>
        <source>The options are not valid</source>
        <translation>옵션이 올바르지 않습니다</translation>
    </message>
    <message>
        <source>Choose a run folder</source>
        <translation>실행 폴더 선택</translation>
    </message>
    <message>
        <source>This folder cannot be resumed</source>
        <translation>이 폴더는 재개할 수 없습니다</translation>
    </message>
    <message>
        <source>No steps yet</source>
        <translation>아직 단계 없음</translation>
    </message>
    <message>
        <source>Epoch %1/%2, iteration %3/%4</source>
        <translation>에포크 %1/%2, 반복 %3/%4</translation>
    </message>
    <message>
        <source>%1 it/s, ETA %2</source>
        <translation>%1 it/s, 남은 시간 %2</translation>
    </message>
    <message>
        <source>Training finished after %1 iterations.</source>
        <translation>%1번 반복 후 학습이 끝났습니다.</translation>
    </message>
    <message>
        <source>Training stopped at iteration %1; resume it with “Resume run”.</source>
        <translation>반복 %1에서 학습을 중지했습니다. “실행 이어서 하기”로 계속할 수 있습니다.</translation>
    </message>
    <message>
        <source>error: </source>
        <translation>오류: </translation>
    </message>
    <message>
        <source>warning: </source>
        <translation>경고: </translation>
    </message>
    <message>
        <source>A training is already running</source>
        <translation>이미 학습이 진행 중입니다</translation>
    </message>
    <message>
        <source>Stop it first, or start a second CycleGAN Studio to train two runs at once.</source>
        <translation>먼저 멈추거나, 두 실행을 동시에 학습하려면 CycleGAN Studio를 하나 더 여십시오.</translation>
    </message>
    <message>
        <source>This is a run of the official code</source>
        <translation>공식 코드로 학습한 실행입니다</translation>
    </message>
    <message>
        <source>Continue it once from the command line, with the options it was trained with:
cyclegan train --dataroot &lt;data&gt; --name %1 --checkpoints_dir %2 --continue_train --epoch_count &lt;next epoch&gt;
From then on, Resume run… continues it here.</source>
        <translation>명령줄에서 학습 당시의 옵션으로 한 번 이어서 학습하십시오:
cyclegan train --dataroot &lt;data&gt; --name %1 --checkpoints_dir %2 --continue_train --epoch_count &lt;다음 에포크&gt;
그 뒤로는 여기에서 “실행 이어서 하기…”로 이어갈 수 있습니다.</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>지표</translation>
    </message>
    <message>
        <source>Stop watching</source>
        <translation>보기 중지</translation>
    </message>
    <message>
        <source>Checkpoint %1 is in the run folder</source>
        <translation>체크포인트 %1이(가) 실행 폴더에 있습니다</translation>
    </message>
    <message>
        <source>Watching</source>
        <translation>지켜보는 중</translation>
    </message>
    <message>
        <source>This run is being trained by another process: watching it.</source>
        <translation>다른 프로세스가 이 실행을 학습 중입니다. 지켜봅니다.</translation>
    </message>
    <message>
        <source>This folder is not a run</source>
        <translation>이 폴더는 실행이 아닙니다</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 열림</translation>
    </message>
    <message>
        <source>%1, process %2</source>
        <translation>%1, 프로세스 %2</translation>
    </message>
    <message>
        <source>another process</source>
        <translation>다른 프로세스</translation>
    </message>
    <message>
        <source>Watching %1: trained by %2</source>
        <translation>%1 지켜보는 중: %2에서 학습 중</translation>
    </message>
    <message>
        <source>Watching %1: paused by %2</source>
        <translation>%1 지켜보는 중: %2에서 일시 정지됨</translation>
    </message>
    <message>
        <source>%1 is stopped (not being trained)</source>
        <translation>%1 중지됨 (학습 중 아님)</translation>
    </message>
    <message>
        <source>%1 finished its training</source>
        <translation>%1 학습 완료</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 실패: %2</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Viewing</source>
        <translation>보는 중</translation>
    </message>
    <message>
        <source>Iteration %1</source>
        <translation>반복 %1</translation>
    </message>
</context>
<context>
    <name>cgs::ui::TrainingWorker</name>
    <message>
        <source>unknown error</source>
        <translation>알 수 없는 오류</translation>
    </message>
</context>
<context>
    <name>cgs::ui::TranslatePage</name>
    <message>
        <source>Open images…</source>
        <translation>이미지 열기…</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>붙여넣기</translation>
    </message>
    <message>
        <source>Save result…</source>
        <translation>결과 저장…</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>맞추기</translation>
    </message>
    <message>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>나란히 보기</translation>
    </message>
    <message>
        <source>Split view</source>
        <translation>분할 보기</translation>
    </message>
    <message>
        <source>Drop photos or paintings here. Each is translated at its own size with the chosen model.</source>
        <translation>사진이나 그림을 여기에 끌어다 놓으세요. 선택한 모델로 원래 크기 그대로 변환합니다.</translation>
    </message>
    <message>
        <source>Translating…</source>
        <translation>변환하는 중…</translation>
    </message>
    <message>
        <source>Open images</source>
        <translation>이미지 열기</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.webp);;All files (*)</source>
        <translation>이미지 (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.webp);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>The clipboard holds no image.</source>
        <translation>클립보드에 이미지가 없습니다.</translation>
    </message>
    <message>
        <source>The image cannot be used.</source>
        <translation>이 이미지는 사용할 수 없습니다.</translation>
    </message>
    <message>
        <source>Pasted image</source>
        <translation>붙여넣은 이미지</translation>
    </message>
    <message>
        <source>Cannot translate %1</source>
        <translation>%1을(를) 변환할 수 없습니다</translation>
    </message>
    <message>
        <source>%1 × %2 in %3 s</source>
        <translation>%1 × %2, %3초</translation>
    </message>
    <message>
        <source>Save result</source>
        <translation>결과 저장</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.webp)</source>
        <translation>이미지 (*.png *.jpg *.webp)</translation>
    </message>
    <message>
        <source>The image could not be saved.</source>
        <translation>이미지를 저장할 수 없습니다.</translation>
    </message>
    <message>
        <source>Dropped image</source>
        <translation>끌어다 놓은 이미지</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.m4v *.mov *.mkv *.webm *.avi)</source>
        <translation>동영상 (*.mp4 *.m4v *.mov *.mkv *.webm *.avi)</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>%1 could not be translated:
%2</source>
        <translation>%1을(를) 변환할 수 없습니다:
%2</translation>
    </message>
    <message>
        <source>Translated with a warning about the model</source>
        <translation>모델에 관한 경고와 함께 변환했습니다</translation>
    </message>
    <message>
        <source>Select a translated image to save.</source>
        <translation>저장할 변환된 이미지를 고르세요.</translation>
    </message>
    <message>
        <source>%1 is not translated yet: nothing to save.</source>
        <translation>%1은(는) 아직 변환되지 않아 저장할 것이 없습니다.</translation>
    </message>
    <message>
        <source>%1 could not be translated: nothing to save.</source>
        <translation>%1을(를) 변환할 수 없어 저장할 것이 없습니다.</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1에 저장했습니다</translation>
    </message>
</context>
<context>
    <name>cgs::ui::VideoPanel</name>
    <message>
        <source>Temporal smoothing</source>
        <translation>시간적 평활화</translation>
    </message>
    <message>
        <source>Weight of the past frames in the instance-norm statistics of the exported video (0 = off, every frame on its own; reset at scene cuts). Less flicker, but a frame moves away from its own translation. The slider always shows single frames.</source>
        <translation>내보내는 동영상에서 인스턴스 정규화 통계에 과거 프레임이 차지하는 비중입니다(0 = 끔, 프레임마다 따로 변환; 장면 전환에서 초기화). 깜박임은 줄지만 각 프레임이 단독 변환 결과에서 조금 멀어집니다. 슬라이더는 언제나 단일 프레임 변환을 보여 줍니다.</translation>
    </message>
    <message>
        <source>Export video…</source>
        <translation>동영상 내보내기…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Close video</source>
        <translation>동영상 닫기</translation>
    </message>
    <message>
        <source>Decoding the frame…</source>
        <translation>프레임을 디코딩하는 중…</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Cannot open the video %1</source>
        <translation>동영상 %1을(를) 열 수 없습니다</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 여는 중…</translation>
    </message>
    <message>
        <source>%1 × %2, %3 frames at %4 fps</source>
        <translation>%1 × %2, %3프레임, %4 fps</translation>
    </message>
    <message>
        <source>Cannot translate frame %1 of %2</source>
        <translation>%2의 프레임 %1을(를) 변환할 수 없습니다</translation>
    </message>
    <message>
        <source>Frame %1 in %2 s</source>
        <translation>프레임 %1, %2초</translation>
    </message>
    <message>
        <source>No video</source>
        <translation>동영상 없음</translation>
    </message>
    <message>
        <source>Frame %1 of %2</source>
        <translation>프레임 %1 / %2</translation>
    </message>
    <message>
        <source>Export video</source>
        <translation>동영상 내보내기</translation>
    </message>
    <message>
        <source>Videos (*.%1);;Videos (*.mp4 *.m4v *.mov *.mkv *.webm *.avi)</source>
        <translation>동영상 (*.%1);;동영상 (*.mp4 *.m4v *.mov *.mkv *.webm *.avi)</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>먼저 모델을 선택하세요.</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>%1 내보내는 중…</translation>
    </message>
    <message>
        <source>Frame %1 of %2, %3 frames/s, %4 s left</source>
        <translation>프레임 %1 / %2, 초당 %3프레임, %4초 남음</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>내보내기를 취소했습니다. 파일을 쓰지 않았습니다.</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <source>Cannot export the video %1</source>
        <translation>동영상 %1을(를) 내보낼 수 없습니다</translation>
    </message>
    <message>
        <source>Wrote %1: %2 frames of %3 × %4 at %5 fps (%6; %7) in %8 s</source>
        <translation>%1 저장: %3 × %4 크기 %2프레임, %5 fps (%6; %7), %8초</translation>
    </message>
</context>
</TS>
