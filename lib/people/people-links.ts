// Where links in people mails point: the product's public address and name (the composition root
// fills it from APP_URL and NEXT_PUBLIC_PRODUCT_NAME).

/** Where links in mails point and the name they sign with. */
export type PeopleLinks = { appUrl: string; productName: string };
