import { AccountPage } from "./AccountPage.tsx";
import { SetupPage } from "./SetupPage.tsx";
import { ForgotPasswordPage, ResetPasswordPage, SignInPage, SignUpPage } from "./SignInPages.tsx";

/** The account pages by path. */
export function AccountPages(props: { path: string }) {
  switch (props.path.replace(/\/$/, "")) {
    case "/account/sign-in":
      return <SignInPage />;
    case "/account/sign-up":
      return <SignUpPage />;
    case "/account/forgot":
      return <ForgotPasswordPage />;
    case "/account/reset":
      return <ResetPasswordPage />;
    case "/account/setup":
      return <SetupPage />;
    default:
      return <AccountPage />;
  }
}
