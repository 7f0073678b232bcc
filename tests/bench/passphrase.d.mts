export declare const BENCH_PROFILE_NAME: string;
export declare const BENCH_PASSPHRASE: string;
