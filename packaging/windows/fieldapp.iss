; Inno Setup 6 script: the per-user Windows installer of 劳动力台账 (fieldapp).
;
; Built by `python dev.py package` on Windows after PyInstaller made dist\fieldapp\, as
;   ISCC /DAppVersion=0.1.0 /DAppLabel=0.1.0+741.g4d5c7dd /DAppNumbers=0.1.0.741 /DSourceDir=<repo>\dist\fieldapp /DOutputDir=<repo>\dist fieldapp.iss
; (see packaging/README.md and .github/workflows/windows.yml).
;
; - Per user, no administrator rights: installs to %LOCALAPPDATA%\Programs\fieldapp.
; - Start-menu entry (and, if ticked, a desktop shortcut) for the windowed fieldapp.exe; the
;   console twin fieldapp-cli.exe sits beside it and can be put on the user's PATH.
; - The uninstaller removes the program only. The ledger, settings and installed policy packs
;   live in %LOCALAPPDATA%\fieldapp (the app's data folder), outside {app}; nothing below
;   deletes anything there, and the last page says where the data stays.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
; What people read (the wizard's title, 应用和功能, the setup file's name): the build's label,
; 0.2.0+741.g4d5c7dd, as `fieldapp --version` and the .deb say it. Windows' own version fields
; take numbers only (a.b.c.d): AppNumbers, 0.2.0.741 (build.py iscc_defines).
#ifndef AppLabel
  #define AppLabel AppVersion
#endif
#ifndef AppNumbers
  #define AppNumbers AppVersion
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\fieldapp"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

[Setup]
AppId={{7D3F2B8E-5C41-4A9E-9B0F-6E2A1C8D4F17}
AppName=劳动力台账
AppVersion={#AppLabel}
AppVerName=劳动力台账 {#AppLabel}
AppPublisher=fieldapp
VersionInfoVersion={#AppNumbers}
VersionInfoProductTextVersion={#AppLabel}
VersionInfoProductName=劳动力台账 fieldapp
VersionInfoDescription=劳动力台账 安装程序
PrivilegesRequired=lowest
DefaultDirName={autopf}\fieldapp
DefaultGroupName=劳动力台账
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
OutputDir={#OutputDir}
OutputBaseFilename=fieldapp-{#AppLabel}-setup
SetupIconFile=..\..\fieldapp\resources\icons\fieldapp.ico
UninstallDisplayIcon={app}\fieldapp.exe
UninstallDisplayName=劳动力台账 {#AppLabel}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesEnvironment=yes
CloseApplications=yes

[Languages]
; Inno Setup ships Chinese (Simplified) among its unofficial translations; the CI workflow puts
; ChineseSimplified.isl beside this script. Without it the wizard falls back to English.
#ifexist "ChineseSimplified.isl"
Name: "chs"; MessagesFile: "ChineseSimplified.isl"
#else
Name: "en"; MessagesFile: "compiler:Default.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "在桌面创建快捷方式"; Flags: unchecked
Name: "addtopath"; Description: "可在命令提示符中使用 fieldapp-cli（加入 PATH）"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\劳动力台账"; Filename: "{app}\fieldapp.exe"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\劳动力台账"; Filename: "{app}\fieldapp.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NotOnPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\fieldapp.exe"; Description: "立即打开劳动力台账"; Flags: nowait postinstall skipifsilent

[Code]
function NotOnPath(Dir: string): Boolean;
var
  Path: string;
begin
  if not RegQueryStringValue(HKCU, 'Environment', 'Path', Path) then
    Path := '';
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Path) + ';') = 0;
end;

procedure RemoveFromPath(Dir: string);
var
  Path: string;
  P: Integer;
begin
  if not RegQueryStringValue(HKCU, 'Environment', 'Path', Path) then
    exit;
  P := Pos(';' + Uppercase(Dir), Uppercase(Path));
  if P > 0 then
  begin
    Delete(Path, P, Length(Dir) + 1);
    RegWriteExpandStringValue(HKCU, 'Environment', 'Path', Path);
  end;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usUninstall then
    RemoveFromPath(ExpandConstant('{app}'));
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox('程序已卸载。台账和设置仍保存在' + #13#10 +
           ExpandConstant('{localappdata}\fieldapp') + #13#10 +
           '重新安装后可直接打开；如需彻底删除，请先备份再手动删除该文件夹。',
           mbInformation, MB_OK);
end;
