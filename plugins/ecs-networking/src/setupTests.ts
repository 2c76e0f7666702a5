import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Rendering Backstage and Material UI in jsdom takes a few seconds per test
// on an idle 2-core machine; while other work runs beside the tests it takes
// several times that (a lone findBy waited over 20 s at a load of 12). Jest's
// 5 s and Testing Library's 1 s waits made the verdict depend on the
// machine's load: these limits only catch a hang. A findBy gives up before
// the test does, so that a failure shows what was rendered.
jest.setTimeout(90_000);
configure({ asyncUtilTimeout: 60_000 });
