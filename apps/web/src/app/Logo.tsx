export function Logo() {
  return (
    <span className="logo">
      <svg viewBox="0 0 512 512" width="28" height="28" aria-hidden="true">
        <rect width="512" height="512" rx="96" fill="#0f6b4f" />
        <path d="M256 404V236" stroke="#fff" strokeWidth="36" strokeLinecap="round" fill="none" />
        <path d="M256 250c0-70 48-122 128-130-4 82-56 130-128 130z" fill="#a7f3d0" />
        <path d="M256 290c0-58-40-102-108-108 4 68 46 108 108 108z" fill="#fff" />
      </svg>
      <span className="logo-text">Tumbuh</span>
    </span>
  );
}
