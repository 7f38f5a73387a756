import { z } from 'zod';

// Every zod message the user may see is Chinese.
z.config(z.locales.zhCN());
