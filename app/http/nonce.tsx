import { createContext, useContext } from "react";

// The CSP nonce of the response being rendered; in the browser it is empty (scripts added there are React's own).
export const NonceContext = createContext("");

export const useNonce = () => useContext(NonceContext);
