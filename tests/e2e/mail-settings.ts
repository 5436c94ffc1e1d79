// Where the browser tests' SMTP server listens and writes what it receives: beside the app's port and
// data folder, so that runs on other ports (E2E_PORT) do not share a mailbox.
export const e2ePort = () => Number(process.env.E2E_PORT ?? 3100);
export const e2eSmtpPort = () => Number(process.env.E2E_SMTP_PORT ?? e2ePort() + 2000);
export const e2eMailDir = () => `${process.env.E2E_DATA_DIR ?? "./data/e2e"}-mail`;
